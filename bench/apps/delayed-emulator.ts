// Figure 7's server: the emulator behind a loopback proxy that holds every HTTP request for DELAY ms
// (argv[3]) before forwarding it, a stand-in for a real network's latency. Its own process, so that the
// client and the server side each have a core. Prints `listening <proxy url> <emulator url>`; exits on
// SIGTERM, or by itself after the lifetime given in ms (argv[2]).
import { Agent, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator } from "../../emulator/index.js";

const lifetimeMs = Number(process.argv[2] ?? 120_000);
const delayMs = Number(process.argv[3] ?? 50);
const emu = await startEmulator({ recordRequests: false, clock: "real" });
const { port } = new URL(emu.url);
const agent = new Agent({ keepAlive: true });
const proxy = createServer((req, res) => {
  setTimeout(() => {
    const upstream = httpRequest(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  }, delayMs);
});
proxy.keepAliveTimeout = 30_000;
proxy.listen(0, "127.0.0.1", () =>
  process.stdout.write(`listening http://127.0.0.1:${(proxy.address() as AddressInfo).port} ${emu.url}\n`),
);
const stop = () => {
  proxy.closeAllConnections();
  agent.destroy();
  void emu.close().finally(() => process.exit(0));
};
setTimeout(stop, lifetimeMs).unref();
process.once("SIGTERM", stop);
