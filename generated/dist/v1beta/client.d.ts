import type { components } from "./types.js";
import { type CallOptions, type Transport } from "../runtime/transport.js";
/** The request of `projects.operations.cancel`. */
export interface ProjectsOperationsCancelRequest {
    /** The name of the operation resource to be cancelled. Must match `projects/*\/operations/**`. */
    name: string;
}
/** The request of `projects.operations.delete`. */
export interface ProjectsOperationsDeleteRequest {
    /** The name of the operation resource to be deleted. Must match `projects/*\/operations/**`. */
    name: string;
}
/** The request of `projects.operations.get`. */
export interface ProjectsOperationsGetRequest {
    /** The name of the operation resource. Must match `projects/*\/operations/**`. */
    name: string;
}
/** The request of `projects.operations.list`. */
export interface ProjectsOperationsListRequest {
    /** The name of the operation's parent resource. Must match `projects/*`. */
    name: string;
    /** The standard list filter. */
    filter?: string;
    /** The standard list page size. */
    pageSize?: number;
    /** The standard list page token. */
    pageToken?: string;
}
/** The request of `projects.operations.wait`. */
export interface ProjectsOperationsWaitRequest {
    /** The name of the operation resource to wait on. Must match `projects/*\/operations/**`. */
    name: string;
    /** The request body. */
    body: components["schemas"]["WaitOperationRequest"];
}
/** Earth Engine API, projects.operations (v1beta): the methods, nested as in Google's resource tree. */
export interface EarthEngineV1beta {
    readonly projects: {
        readonly operations: {
            /**
             * Starts asynchronous cancellation on a long-running operation. The server makes a best effort to
             * cancel the operation, but success is not guaranteed. If the server doesn't support this method,
             * it returns `google.rpc.Code.UNIMPLEMENTED`. Clients can use `Operations.GetOperation` or other
             * methods to check whether the cancellation succeeded or whether the operation completed despite
             * cancellation. On successful cancellation, the operation is not deleted; instead, it becomes an
             * operation with an `Operation.error` value with a `google.rpc.Status.code` of `1`, corresponding
             * to `Code.CANCELLED`.
             *
             * HTTP: `POST /v1beta/{name=projects/*\/operations/**}:cancel`
             *
             * OAuth scopes (any one): `https://www.googleapis.com/auth/earthengine`,
             * `https://www.googleapis.com/auth/cloud-platform`
             *
             * @example
             * ```ts
             * await ee.projects.operations.cancel({ name: "projects/my-project/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP" });
             * ```
             */
            cancel(request: ProjectsOperationsCancelRequest, options?: CallOptions): Promise<components["schemas"]["Empty"]>;
            /**
             * Deletes a long-running operation. This method indicates that the client is no longer interested
             * in the operation result. It does not cancel the operation. If the server doesn't support this
             * method, it returns `google.rpc.Code.UNIMPLEMENTED`.
             *
             * HTTP: `DELETE /v1beta/{name=projects/*\/operations/**}`
             *
             * OAuth scopes (any one): `https://www.googleapis.com/auth/earthengine`,
             * `https://www.googleapis.com/auth/cloud-platform`
             *
             * @example
             * ```ts
             * await ee.projects.operations.delete({ name: "projects/my-project/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP" });
             * ```
             */
            delete(request: ProjectsOperationsDeleteRequest, options?: CallOptions): Promise<components["schemas"]["Empty"]>;
            /**
             * Gets the latest state of a long-running operation. Clients can use this method to poll the
             * operation result at intervals as recommended by the API service.
             *
             * HTTP: `GET /v1beta/{name=projects/*\/operations/**}`
             *
             * OAuth scopes (any one): `https://www.googleapis.com/auth/earthengine`,
             * `https://www.googleapis.com/auth/cloud-platform`
             *
             * @example
             * ```ts
             * await ee.projects.operations.get({ name: "projects/my-project/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP" });
             * ```
             */
            get(request: ProjectsOperationsGetRequest, options?: CallOptions): Promise<components["schemas"]["Operation"]>;
            /**
             * Lists operations that match the specified filter in the request. If the server doesn't support
             * this method, it returns `UNIMPLEMENTED`.
             *
             * HTTP: `GET /v1beta/{name=projects/*}/operations`
             *
             * OAuth scopes (any one): `https://www.googleapis.com/auth/earthengine`,
             * `https://www.googleapis.com/auth/cloud-platform`
             *
             * @example
             * ```ts
             * await ee.projects.operations.list({ name: "projects/my-project" });
             * ```
             */
            list(request: ProjectsOperationsListRequest, options?: CallOptions): Promise<components["schemas"]["ListOperationsResponse"]>;
            /**
             * Waits until the specified long-running operation is done or reaches at most a specified timeout,
             * returning the latest state. If the operation is already done, the latest state is immediately
             * returned. If the timeout specified is greater than the default HTTP/RPC timeout, the HTTP/RPC
             * timeout is used. If the server does not support this method, it returns
             * `google.rpc.Code.UNIMPLEMENTED`. Note that this method is on a best-effort basis. It may return
             * the latest state before the specified timeout (including immediately), meaning even an immediate
             * response is no guarantee that the operation is done.
             *
             * HTTP: `POST /v1beta/{name=projects/*\/operations/**}:wait`
             *
             * OAuth scopes (any one): `https://www.googleapis.com/auth/earthengine`,
             * `https://www.googleapis.com/auth/cloud-platform`
             *
             * @example
             * ```ts
             * await ee.projects.operations.wait({ name: "projects/my-project/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP", body: {} });
             * ```
             */
            wait(request: ProjectsOperationsWaitRequest, options?: CallOptions): Promise<components["schemas"]["Operation"]>;
        };
    };
}
/** Binds every v1beta method to a transport (made by `createEarthEngineClient`). */
export declare function createV1beta(transport: Transport): EarthEngineV1beta;
