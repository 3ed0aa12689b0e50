// The client as the commands see it, the same for every version and every package: the operation
// helpers over google.longrunning's LroOperation, and the operations resource's get and delete.
import type { CallOptions, LroOperation, OperationHelpers } from "ee-operations-client";

type Helpers = Pick<OperationHelpers<LroOperation>, "cancelMany" | "getMany" | "listOperations" | "waitForOperation">;

/** The operations resource's methods the CLI calls directly; `delete` is absent from some services. */
export interface OperationsResource {
  get(request: { name: string }, options?: CallOptions): Promise<LroOperation>;
  delete?: (request: { name: string }, options?: CallOptions) => Promise<unknown>;
}

export interface CliClient extends Helpers {
  operations: {
    get: OperationsResource["get"];
    /** Undefined where the resource has no delete method. */
    delete: OperationsResource["delete"];
  };
}

/** Narrows a version's client (and its operations resource) to what the CLI uses. */
export function cliClientOf(client: Helpers, resource: OperationsResource): CliClient {
  const remove = resource.delete;
  return {
    cancelMany: (names, options) => client.cancelMany(names, options),
    getMany: (names, options) => client.getMany(names, options),
    listOperations: (parent, options) => client.listOperations(parent, options),
    waitForOperation: (name, options) => client.waitForOperation(name, options),
    operations: {
      get: (request, options) => resource.get(request, options),
      delete: typeof remove === "function" ? (request, options) => remove.call(resource, request, options) : undefined,
    },
  };
}
