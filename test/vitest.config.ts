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
    setupFiles: ["test/helpers/worker-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // On PGlite, files run one at a time on one database: its socket server interleaves
    // concurrent connections' protocol messages. On a real server, two workers (the machine's
    // two cores), each on a seeded copy of its own, so totals a file checks are its worker's.
    pool: "forks",
    maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  },
});
