// Run as a child process by process.test.ts: leaves every kind of pending work in the emulators
// (keep-alive sockets, a hanging fault, a delayed fault, waits on both clocks), closes them, and
// then must exit on its own. It never calls process.exit, so a leaked handle shows up as a hang.

import { startEmulator } from "../../emulator/index.js";

const settle = (p: Promise<Response>): Promise<string> =>
  p.then(
    async (res) => `${res.status}:${(await res.text().catch(() => "cut")).length > 0}`,
    () => "rejected",
  );

const manual = await startEmulator({ port: 0, auth: false });
const real = await startEmulator({ port: 0, clock: "real", maxWaitMs: 60_000, auth: false });

const pending: Promise<string>[] = [];
for (const emu of [manual, real]) {
  const { name } = emu.seed({ project: "p", runMs: 600_000 });
  await fetch(`${emu.url}/v1/${name}`).then((res) => res.text()); // leaves an idle keep-alive socket
  pending.push(settle(fetch(`${emu.url}/v1/${name}:wait`, { method: "POST", body: '{"timeout":"50s"}' })));
  emu.fault({ method: "get", hang: true });
  pending.push(settle(fetch(`${emu.url}/v1/${name}`)));
  emu.fault({ method: "list", delayMs: 600_000 });
  pending.push(settle(fetch(`${emu.url}/v1/projects/p/operations`)));
}
while (manual.requests.length < 4 || real.requests.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));

await Promise.all([manual.close(), real.close()]);
console.log(JSON.stringify(await Promise.all(pending)));
