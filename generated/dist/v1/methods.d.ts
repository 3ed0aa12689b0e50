/** HTTP binding and OAuth scopes of every method of Earth Engine API, projects.operations (v1), keyed by method path. */
export declare const methods: {
    readonly "projects.operations.cancel": {
        readonly id: "earthengine.projects.operations.cancel";
        readonly httpMethod: "POST";
        readonly path: "v1/{+name}:cancel";
        readonly template: "/v1/{name=projects/*/operations/**}:cancel";
        readonly scopes: readonly ["https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"];
    };
    readonly "projects.operations.delete": {
        readonly id: "earthengine.projects.operations.delete";
        readonly httpMethod: "DELETE";
        readonly path: "v1/{+name}";
        readonly template: "/v1/{name=projects/*/operations/**}";
        readonly scopes: readonly ["https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"];
    };
    readonly "projects.operations.get": {
        readonly id: "earthengine.projects.operations.get";
        readonly httpMethod: "GET";
        readonly path: "v1/{+name}";
        readonly template: "/v1/{name=projects/*/operations/**}";
        readonly scopes: readonly ["https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"];
    };
    readonly "projects.operations.list": {
        readonly id: "earthengine.projects.operations.list";
        readonly httpMethod: "GET";
        readonly path: "v1/{+name}/operations";
        readonly template: "/v1/{name=projects/*}/operations";
        readonly scopes: readonly ["https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"];
    };
    readonly "projects.operations.wait": {
        readonly id: "earthengine.projects.operations.wait";
        readonly httpMethod: "POST";
        readonly path: "v1/{+name}:wait";
        readonly template: "/v1/{name=projects/*/operations/**}:wait";
        readonly scopes: readonly ["https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"];
    };
};
