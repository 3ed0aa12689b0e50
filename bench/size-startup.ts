// Figure 6, size and start-up.
//   size     esbuild bundles bench/apps/cancel-*.mjs (cancel-ours-v1: the v1 entry point alone) (bundle, minify, platform node, ESM, node20) and
//            gzips the result (node:zlib, level 9); each bundle is then run once against a loopback
//            server to prove it works.
//   start-up import("ee-operations-client") in a fresh `node` process, timed inside it (plus the
//            process's wall time); openapi-fetch and googleapis-common the same way, for context.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BENCH, type Context, freshDir, ROOT, RUNS, rotate } from "./env.js";
import { type Summary, summarize } from "./stats.js";
import { startChild, stopChild, timeCommand, waitForOutput } from "./time-command.js";

const APPS = {
  ours: "cancel-ours",
  oursV1: "cancel-ours-v1",
  openapiFetch: "cancel-openapi-fetch",
  googleapisCommon: "cancel-googleapis-common",
} as const;
type App = keyof typeof APPS;
/** One value per app, in APPS order. */
const perApp = <T>(value: (app: App) => T): Record<App, T> =>
  Object.fromEntries((Object.keys(APPS) as App[]).map((app) => [app, value(app)])) as Record<App, T>;
const MODULES = {
  ours: "ee-operations-client",
  oursV1: "ee-operations-client/v1",
  openapiFetch: "openapi-fetch",
  googleapisCommon: "googleapis-common",
} as const;

export interface BundleSize {
  minified: number;
  gzip: number;
  /** The largest inputs of the bundle, bytes they contribute to the minified output. */
  topInputs: { path: string; bytes: number }[];
}

export interface SizeStartupResult {
  bundles: Record<App, BundleSize>;
  importMs: Record<App, Summary>;
  processMs: Record<App, Summary>;
}

async function bundle(ctx: Context, app: App, outDir: string): Promise<BundleSize & { file: string }> {
  const result = await build({
    entryPoints: [join(BENCH, "apps", `${APPS[app]}.mjs`)],
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    // CommonJS packages (googleapis-common) require Node built-ins; give the ESM bundle a require.
    banner:
      app === "googleapisCommon"
        ? { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' }
        : {},
  });
  const code = result.outputFiles![0]!.contents;
  const file = join(outDir, `${APPS[app]}.bundle.mjs`);
  writeFileSync(file, code);
  const inputs = Object.values(result.metafile!.outputs)[0]!.inputs;
  const topInputs = Object.entries(inputs)
    .map(([path, v]) => ({ path, bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  const gzip = gzipSync(code, { level: 9 }).length;
  ctx.log(`  bundled ${APPS[app]}: ${code.length} B minified, ${gzip} B gzip`);
  return { file, minified: code.length, gzip, topInputs };
}

/** Runs each bundle once against a loopback server answering {}; it must print an empty object. */
async function proveBundles(files: string[]): Promise<void> {
  const server = startChild(process.execPath, [join(BENCH, "apps", "loopback-server.mjs"), "60000"]);
  try {
    const port = Number((await waitForOutput(server, /listening (\d+)/, "loopback server", 10_000))[1]);
    for (const file of files) {
      const env = { EE_BASE_URL: `http://127.0.0.1:${port}`, EE_TOKEN: "t" };
      const { stdout } = await timeCommand(process.execPath, [file, "projects/p/operations/ABC"], {
        env,
        timeoutMs: 20_000,
      });
      if (stdout.trim() !== "{}")
        throw new Error(`bundle ${file} printed ${JSON.stringify(stdout.trim())}, expected {}`);
    }
  } finally {
    await stopChild(server);
  }
}

const IMPORT_SCRIPT = (module: string) =>
  `const t = performance.now(); await import(${JSON.stringify(module)}); process.stdout.write(String(performance.now() - t));`;

export async function sizeAndStartup(ctx: Context): Promise<SizeStartupResult> {
  const outDir = freshDir(ctx, "bundles");
  const apps = Object.keys(APPS) as App[];
  const built = {} as Record<App, BundleSize & { file: string }>;
  for (const app of apps) built[app] = await bundle(ctx, app, outDir);
  await proveBundles(apps.map((a) => built[a].file));
  const bundles = perApp((app) => ({
    minified: built[app].minified,
    gzip: built[app].gzip,
    topInputs: built[app].topInputs,
  }));

  const importMs = perApp((): number[] => []);
  const processMs = perApp((): number[] => []);
  const runs = Math.max(RUNS, 7);
  for (let round = 0; round <= runs; round++) {
    for (const app of rotate(apps, round)) {
      const r = await timeCommand(process.execPath, ["--input-type=module", "-e", IMPORT_SCRIPT(MODULES[app])], {
        cwd: ROOT,
        timeoutMs: 30_000,
      });
      if (round > 0) {
        importMs[app].push(Number(r.stdout));
        processMs[app].push(r.ms);
      }
    }
  }
  ctx.log(`  cold import: ${runs} rounds after a warm-up`);
  return {
    bundles,
    importMs: perApp((app) => summarize(importMs[app])),
    processMs: perApp((app) => summarize(processMs[app])),
  };
}
