import { type Client } from "openapi-fetch";
/** Earth Engine's service root. */
export declare const DEFAULT_BASE_URL = "https://earthengine.googleapis.com";
/** Returns an OAuth 2.0 access token good for any one of `scopes` (listed narrowest first). */
export type AccessTokenProvider = (scopes: readonly string[]) => string | Promise<string>;
/** Options shared by every version's client. */
export interface TransportOptions {
    /** Service root; default `https://earthengine.googleapis.com`. */
    baseUrl?: string;
    /** Called before each request with the method's scopes; sent as `Authorization: Bearer …`. */
    accessToken?: AccessTokenProvider;
    /** The fetch implementation; default `globalThis.fetch`. */
    fetch?: typeof globalThis.fetch;
}
/** Per-call options, the last argument of every method. */
export interface CallOptions {
    /** Aborts the call; the promise rejects with the signal's reason. */
    signal?: AbortSignal;
}
/** What a method needs to know about itself at call time. */
export interface MethodInfo {
    readonly id: string;
    readonly httpMethod: string;
    readonly path: string;
    readonly template: string;
    readonly scopes: readonly string[];
}
/** The connection a generated client runs on: one openapi-fetch client plus auth. */
export interface Transport {
    readonly client: Client<any>;
    readonly accessToken: AccessTokenProvider | undefined;
}
/** What each call hands to openapi-fetch besides its params and body. */
export interface RequestInit {
    headers: Record<string, string> | undefined;
    signal: AbortSignal | undefined;
}
export declare function createTransport(options: TransportOptions): Transport;
/**
 * Runs one API call: gets a token for the method's scopes, sends through openapi-fetch, and returns
 * the parsed body. `whenNoBody` is the answer for a 2xx without a body (`{}` for methods that return
 * google.protobuf.Empty); without it such a response is an error.
 */
export declare function call<T>(transport: Transport, method: MethodInfo, options: CallOptions | undefined, send: (init: RequestInit) => Promise<{
    data?: T;
    response: Response;
}>, whenNoBody?: T): Promise<T>;
