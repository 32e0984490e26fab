import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { printSchemaSdl, schemaFile } from "../../api/print-schema.js";

describe("GraphQL schema", () => {
  it("matches api/schema.graphql (run `npm run schema:print` and review the diff)", async () => {
    expect(await printSchemaSdl()).toBe(await readFile(schemaFile, "utf8"));
  });
});
