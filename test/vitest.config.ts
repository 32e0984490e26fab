import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; Vite would hand our code the ESM one while
    // graphql-yoga (loaded by Node) gets the CJS one, and an error class from the first is
    // not an instance of the other's, so typed errors would be masked. One copy for all.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    // Suites of their own, with their own scripts: the browser (test:e2e), and the load
    // and fault runs that need a real PostgreSQL server (test:load, test:faults).
    exclude: ["test/e2e/**", "test/load/**", "test/faults/**", "**/node_modules/**"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Files run one at a time on one database: PGlite's socket server interleaves concurrent
    // connections' protocol messages, and several files check totals that a parallel file
    // could change between two reads. Each file still owns the rows it creates.
    pool: "forks",
    maxWorkers: 1,
  },
});
