import { methods } from "./methods.js";
import { bindName } from "../runtime/resource-name.js";
import { call } from "../runtime/transport.js";
/** Binds every v1beta method to a transport (made by `createEarthEngineClient`). */
export function createV1beta(transport) {
    const client = transport.client;
    return {
        projects: {
            operations: {
                cancel(request, options) {
                    const method = methods["projects.operations.cancel"];
                    const [projectsId, operationsId] = bindName(method, "name", request.name);
                    return call(transport, method, options, (init) => client.POST("/v1beta/projects/{projectsId}/operations/{operationsId}:cancel", {
                        ...init,
                        params: { path: { projectsId, operationsId } },
                    }), {});
                },
                delete(request, options) {
                    const method = methods["projects.operations.delete"];
                    const [projectsId, operationsId] = bindName(method, "name", request.name);
                    return call(transport, method, options, (init) => client.DELETE("/v1beta/projects/{projectsId}/operations/{operationsId}", {
                        ...init,
                        params: { path: { projectsId, operationsId } },
                    }), {});
                },
                get(request, options) {
                    const method = methods["projects.operations.get"];
                    const [projectsId, operationsId] = bindName(method, "name", request.name);
                    return call(transport, method, options, (init) => client.GET("/v1beta/projects/{projectsId}/operations/{operationsId}", {
                        ...init,
                        params: { path: { projectsId, operationsId } },
                    }));
                },
                list(request, options) {
                    const method = methods["projects.operations.list"];
                    const [projectsId] = bindName(method, "name", request.name);
                    return call(transport, method, options, (init) => client.GET("/v1beta/projects/{projectsId}/operations", {
                        ...init,
                        params: { path: { projectsId }, query: { filter: request.filter, pageSize: request.pageSize, pageToken: request.pageToken } },
                    }));
                },
                wait(request, options) {
                    const method = methods["projects.operations.wait"];
                    const [projectsId, operationsId] = bindName(method, "name", request.name);
                    return call(transport, method, options, (init) => client.POST("/v1beta/projects/{projectsId}/operations/{operationsId}:wait", {
                        ...init,
                        params: { path: { projectsId, operationsId } },
                        body: request.body,
                    }));
                },
            },
        },
    };
}
