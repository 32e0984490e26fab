import { defineConfig } from "vitest/config";

// The admin panel in Debian's Chromium (playwright-core) against the embedded stack that
// global-setup starts: `npm run test:e2e` (builds the panel first).
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One server, one database and one browser: files run one after another.
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
