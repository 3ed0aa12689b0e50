import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface Recorded {
  requestLine: string;
  headers: Record<string, string>;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A loopback HTTP server that records each request exactly and answers from `reply`. */
export async function startRecordingServer(reply: (req: IncomingMessage) => Reply = () => ({})) {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!;
      requests.push({
        requestLine: `${req.method} ${req.url} HTTP/${req.httpVersion}`,
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const r = reply(req);
      res.writeHead(r.status ?? 200, { "content-type": "application/json", ...r.headers });
      res.end(r.body ?? "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type RecordingServer = Awaited<ReturnType<typeof startRecordingServer>>;

/**
 * Registers hooks in the calling test file: one recording server for all its tests (started before them,
 * closed after them), its `requests` emptied before each test. Read `url` and `requests` inside tests.
 */
export function useRecordingServer(reply?: (req: IncomingMessage) => Reply): Pick<RecordingServer, "url" | "requests"> {
  let server: RecordingServer | undefined;
  beforeAll(async () => {
    server = await startRecordingServer(reply);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    if (server) server.requests.length = 0;
  });
  return {
    get url() {
      return server!.url;
    },
    get requests() {
      return server!.requests;
    },
  };
}
