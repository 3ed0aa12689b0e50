import type { LroModel, MethodModel } from "./api-model.js";

// The google.longrunning.Operations methods the runtime's operation helpers are built on.
const LRO_METHODS = ["cancel", "get", "list", "wait"];

/**
 * The resource that implements google.longrunning.Operations: it has cancel, get, list and wait, and
 * get and wait return the same type. A spec without one gets no operation helpers.
 */
export function lroModel(methods: readonly MethodModel[]): LroModel | undefined {
  const byResource = new Map<string, Map<string, MethodModel>>();
  for (const method of methods) {
    const resource = method.key.slice(0, method.key.lastIndexOf("."));
    const name = method.key.slice(resource.length + 1);
    if (!byResource.has(resource)) byResource.set(resource, new Map());
    byResource.get(resource)!.set(name, method);
  }
  for (const [resource, named] of byResource) {
    if (!LRO_METHODS.every((m) => named.has(m))) continue;
    const get = named.get("get")!;
    if (JSON.stringify(get.response.schema) !== JSON.stringify(named.get("wait")!.response.schema)) continue;
    return { resource, operation: get.response.schema };
  }
  return undefined;
}
