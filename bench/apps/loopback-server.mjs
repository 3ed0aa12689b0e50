// Figure 5's server: a minimal node:http server on 127.0.0.1 that answers every request with `{}`.
// Prints `listening <port>`; exits on SIGTERM, or by itself after the lifetime given in ms (argv[2]).
import { createServer } from "node:http";

const lifetimeMs = Number(process.argv[2] ?? 120_000);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "2" });
    res.end("{}");
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`));
setTimeout(() => process.exit(0), lifetimeMs).unref();
process.once("SIGTERM", () => process.exit(0));
