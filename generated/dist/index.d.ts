import { type EarthEngineV1 } from "./v1/client.js";
import { type EarthEngineV1alpha } from "./v1alpha/client.js";
import { type EarthEngineV1beta } from "./v1beta/client.js";
import { type TransportOptions } from "./runtime/transport.js";
export { ApiError, InvalidNameError } from "./runtime/errors.js";
export type { AccessTokenProvider, CallOptions } from "./runtime/transport.js";
/** The API versions this package was generated for. */
export type ApiVersion = "v1" | "v1alpha" | "v1beta";
/** The client of each version. */
export interface EarthEngineClients {
    v1: EarthEngineV1;
    v1alpha: EarthEngineV1alpha;
    v1beta: EarthEngineV1beta;
}
/** Options of `createEarthEngineClient`. */
export interface ClientOptions<V extends ApiVersion = ApiVersion> extends TransportOptions {
    /** The API version: `v1`, `v1alpha`, `v1beta`. */
    version: V;
}
/**
 * Creates a client of one Earth Engine API version. Options are checked here, before any request.
 *
 * @example
 * ```ts
 * const ee = createEarthEngineClient({ version: "v1beta", accessToken: async () => token });
 * await ee.projects.operations.cancel({ name: "projects/my-project/operations/ABC123" });
 * ```
 */
export declare function createEarthEngineClient<V extends ApiVersion>(options: ClientOptions<V>): EarthEngineClients[V];
