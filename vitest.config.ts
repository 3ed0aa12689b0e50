import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report is what .ci/run counts.
    reporters: ["default", ["json", { outputFile: ".tmp/vitest-report.json" }]],
  },
});
