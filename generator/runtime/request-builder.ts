// The face of openapi-fetch's client that the generated methods call (`client.POST(path, { params,
// body, … })`, type-checked against the version's `paths`), over a builder that only makes fetch's
// (url, init); `call` (transport.ts) sends it, reads the body within the limit and parses it. The
// generated code keeps openapi-fetch's compile-time checks; apps do not bundle its runtime (bench
// figure 6), and a call skips its Request, Headers and middleware work (figure 4).

/** What a generated method's `client.<METHOD>(path, options)` returns at run time. */
export interface PreparedRequest {
  readonly url: string;
  readonly init: RequestInit;
}

/** The options the generated methods pass: openapi-fetch's, as far as they use them. */
interface BuildOptions {
  params?: { path?: Record<string, unknown> };
  querySerializer?: () => string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type Build = (path: string, options: BuildOptions) => PreparedRequest;

/**
 * One builder per HTTP method of a client whose URLs start with `baseUrl`. Template variables are
 * values bindName has already checked and percent-encoded; each client has a handful of URL templates,
 * split once.
 */
export function requestBuilder(baseUrl: string): Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Build> {
  const split = new Map<string, string[]>();
  const build =
    (method: string): Build =>
    (path, options) => {
      let parts = split.get(path);
      if (parts === undefined) split.set(path, (parts = path.split(/\{(\w+)\}/)));
      const values = options.params?.path ?? {};
      let url = baseUrl + parts[0]!;
      for (let i = 1; i < parts.length; i += 2) url += String(values[parts[i]!]) + parts[i + 1];
      const search = options.querySerializer?.();
      if (search) url += `?${search}`;
      // A redirect could answer for a server that was never asked (and to another origin): an error.
      const init: RequestInit = { method, headers: options.headers, signal: options.signal, redirect: "manual" };
      if (options.body !== undefined) {
        init.body = JSON.stringify(options.body);
        init.headers = { ...options.headers, "content-type": "application/json" };
      }
      return { url, init };
    };
  return { GET: build("GET"), POST: build("POST"), PUT: build("PUT"), PATCH: build("PATCH"), DELETE: build("DELETE") };
}
