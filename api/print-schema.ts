// Prints the GraphQL SDL to api/schema.graphql (reviewed in every change; a test keeps the
// file and the code in step). `npm run schema:print`.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const schemaFile = fileURLToPath(new URL("./schema.graphql", import.meta.url));

export async function printSchemaSdl(): Promise<string> {
  const { lexicographicSortSchema, printSchema } = await import("graphql");
  const { schema } = await import("./schema.js");
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Building the schema needs no connection; these only satisfy config's fail-fast checks.
  process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";
  process.env.S3_BUCKET ??= "unused";
  process.env.NODE_ENV ??= "development";
  await writeFile(schemaFile, await printSchemaSdl());
  process.stdout.write(`wrote ${schemaFile}\n`);
}
