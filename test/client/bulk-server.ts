// A scripted loopback server for cancelMany/getMany: it parses each /batch request with the emulator's
// parser (written apart from the client's) and answers each part as the test says; single calls are
// answered by `single`.
import { createServer, type IncomingHttpHeaders, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import { type InnerRequest, parseBatchRequest } from "../../emulator/batch.js";

export interface PartAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface BatchSeen {
  url: string;
  headers: IncomingHttpHeaders;
  parts: InnerRequest[];
  body: string;
}

export interface SingleSeen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** What the server does with the n-th batch (0-based): answer each part, or take over the response. */
export type BatchScript = (
  batch: BatchSeen,
  n: number,
  res: ServerResponse,
) => ((part: InnerRequest) => PartAnswer) | "handled";

/** A multipart/mixed reply in Google's shape, one part per answer in the order given. */
function batchReplyBody(answers: { id: string; answer: PartAnswer }[], boundary = "batch_reply"): string {
  let out = "";
  for (const { id, answer } of answers) {
    out += `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <response-${id}>\r\n\r\n`;
    out += `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? "Whatever"}\r\n`;
    out += "Content-Type: application/json; charset=UTF-8\r\n";
    for (const [k, v] of Object.entries(answer.headers ?? {})) out += `${k}: ${v}\r\n`;
    out += `\r\n${answer.body ?? "{}"}\r\n`;
  }
  return `${out}--${boundary}--\r\n`;
}

export async function startBatchServer(
  script: BatchScript,
  single: (req: SingleSeen) => PartAnswer = () => ({ status: 200, body: "{}" }),
) {
  const batches: BatchSeen[] = [];
  const singles: SingleSeen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (req.url?.endsWith("/batch")) {
        const batch: BatchSeen = {
          url: req.url,
          headers: req.headers,
          parts: parseBatchRequest(req.headers["content-type"], body),
          body,
        };
        batches.push(batch);
        const answer = script(batch, batches.length - 1, res);
        if (answer === "handled") return;
        res.writeHead(200, { "content-type": "multipart/mixed; boundary=batch_reply" });
        res.end(batchReplyBody(batch.parts.map((part) => ({ id: part.id, answer: answer(part) }))));
        return;
      }
      const seen = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
      singles.push(seen);
      const answer = single(seen);
      res.writeHead(answer.status, { "content-type": "application/json; charset=UTF-8", ...answer.headers });
      res.end(answer.body ?? "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    batches,
    singles,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
