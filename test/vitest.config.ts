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
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Workers share one database server; each file owns the rows it creates. On embedded
    // PGlite, whose socket server interleaves concurrent connections' protocol messages,
    // files run one at a time; a real PostgreSQL takes two at once.
    pool: "forks",
    maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  },
});
