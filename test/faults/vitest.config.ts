import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// The fault suite (`npm run test:faults`): the real server as a child process on a private
// PostgreSQL cluster (global-setup.ts), with the database, s3rver or the server itself
// taken away mid-work. Files run one at a time: each restarts or kills shared pieces.
export default defineConfig({
  resolve: {
    // One copy of graphql for Vite and Node (see test/vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/faults/**/*.test.ts"],
    globalSetup: ["test/faults/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
