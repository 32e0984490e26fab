// The Lambda bundle's Prisma client decodes its parameterization graph node by node
// (.config/prisma-param-graph.cjs), not all at once as Prisma does. Every node of our schema
// must come out exactly as Prisma's own decoder gives it, or queries would be parameterized
// (and their cached plans shared) wrongly: Prisma's decoder is taken from its runtime as
// shipped, found by the same pattern the build uses.
import { readFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";

const require = createRequire(import.meta.url);
const { lazyParamGraph } = require("../../.config/prisma-param-graph.cjs") as {
  lazyParamGraph: (schema: Schema) => Graph;
};
const PARAM_GRAPH_DECODE = /function ([\w$]+)\((\w)\)\{return new [\w$]+\(\2\)\.deserialize\(\)\}/;

interface Schema {
  strings: string[];
  graph: string;
}
interface Graph {
  strings: string[];
  inputNodes: { edges: Record<number, unknown> }[];
  outputNodes: { edges: Record<number, unknown> }[];
  roots: Record<string, unknown>;
}

/** Prisma's runtime (the CommonJS build the bundle uses), with its graph decoder exported. */
function prismaDecoder(): (schema: Schema) => Graph {
  const path = require.resolve("@prisma/client/runtime/client");
  const source = readFileSync(path, "utf8");
  const name = PARAM_GRAPH_DECODE.exec(source)?.[1];
  if (!name) throw new Error(`Prisma's graph decoder not found in ${path}`);
  const runtime = new Module(path) as Module & { _compile(source: string, path: string): void; paths: string[] };
  runtime.filename = path;
  runtime.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  runtime._compile(`${source}\nmodule.exports.__decode = ${name};`, path);
  return (runtime.exports as { __decode: (schema: Schema) => Graph }).__decode;
}

describe("the bundle's parameterization graph", () => {
  const schema = (Reflect.get(prisma, "_engineConfig") as { parameterizationSchema: Schema }).parameterizationSchema;

  it("holds every node and root as Prisma decodes them", () => {
    const eager = prismaDecoder()(schema);
    const lazy = lazyParamGraph(schema);
    expect(eager.inputNodes.length).toBeGreaterThan(1000);
    expect(lazy.strings).toBe(eager.strings);
    expect(lazy.roots).toEqual(eager.roots);
    expect(lazy.inputNodes).toHaveLength(eager.inputNodes.length);
    expect(lazy.outputNodes).toHaveLength(eager.outputNodes.length);
    // Out of order, as queries touch them: a node's decoding must not depend on the last one read.
    const order = (count: number) => Array.from({ length: count }, (_, i) => (i * 7919) % count);
    for (const i of order(eager.inputNodes.length)) {
      expect(lazy.inputNodes[i]?.edges, `input node ${i}`).toEqual(eager.inputNodes[i]?.edges);
    }
    for (const i of order(eager.outputNodes.length)) {
      expect(lazy.outputNodes[i]?.edges, `output node ${i}`).toEqual(eager.outputNodes[i]?.edges);
    }
    // Read twice, the same object: each node is decoded once.
    expect(lazy.inputNodes[0]?.edges).toBe(lazy.inputNodes[0]?.edges);
  });

  it("is found once in Prisma's ES runtime, the one the bundle patches", () => {
    const source = readFileSync(require.resolve("@prisma/client/runtime/client.mjs"), "utf8");
    expect(source.match(new RegExp(PARAM_GRAPH_DECODE, "g"))).toHaveLength(1);
  });
});
