// esbuild plugins for `serverless package` (serverless-esbuild's `plugins` option; CommonJS
// because the plugin loads it with require()).
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { basename, join, sep } = require("node:path");

// zod's `z` namespace re-exports every locale zod ships (about 230 kB minified, a tenth of
// the graphql function's zip). The API never switches locale: zod installs its English
// messages by itself (classic/schemas.js), and our own messages are in the schemas. So the
// `locales` namespace is bundled empty.
const zodWithoutLocales = {
  name: "zod-without-locales",
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}`) ? { path: "zod-locales", namespace: "zod-without-locales" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-without-locales" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

// Prisma's query compiler is WebAssembly that the client imports as a module holding it in
// base64: 2.3 MB of JavaScript to parse, which compresses to 0.92 MB in the zip against 0.68 MB
// for the binary itself. The binary is written beside the chunks instead (api/chunks/, where
// esbuild puts the on-demand import), and the module reads it from there when the first query
// needs the compiler.
const WASM_FILE = "query-compiler.wasm";
const prismaWasmFromFile = {
  name: "prisma-wasm-from-file",
  setup(build) {
    let wasm = null;
    build.onResolve({ filter: /query_compiler_[a-z]+_bg\.[a-z]+\.wasm-base64\.mjs$/ }, (args) => ({
      path: require.resolve(`@prisma/client/runtime/${basename(args.path).replace(/\.mjs$/, ".js")}`),
      namespace: "prisma-wasm-from-file",
    }));
    build.onLoad({ filter: /.*/, namespace: "prisma-wasm-from-file" }, (args) => {
      const base64 = /"([A-Za-z0-9+/=]{1000,})"/.exec(readFileSync(args.path, "utf8"))?.[1];
      if (!base64) throw new Error(`no WebAssembly found in ${args.path}`);
      wasm = Buffer.from(base64, "base64");
      return {
        contents: `import { readFileSync } from "node:fs";
export const wasm = readFileSync(new URL("./${WASM_FILE}", import.meta.url)).toString("base64");`,
        loader: "js",
      };
    });
    build.onEnd(() => {
      if (!wasm) return;
      if (!build.initialOptions.splitting)
        throw new Error("prisma-wasm-from-file expects esbuild's splitting (chunks/)");
      const chunks = join(build.initialOptions.outdir, "chunks");
      mkdirSync(chunks, { recursive: true });
      writeFileSync(join(chunks, WASM_FILE), wasm);
    });
  },
};

// Node loads its own fetch implementation (undici, ~20 ms of a cold start) the first time
// anything reads globalThis.Request, Headers, Response or fetch. The API never uses it: Yoga
// answers with whatwg-node's ponyfill. But whatwg-node's server adapter reads
// globalThis.Request when Yoga is created, only to learn whether its fetch API is the native
// one, which on Node it never is (the ponyfill is skipped only on Deno, Bun and Next.js).
// So the comparison is answered at build time; the build fails if the line changes.
const UNDICI_PROBE = "? fetchAPI.Request !== globalThis.Request";
const serverAdapterWithoutUndici = {
  name: "server-adapter-without-undici",
  setup(build) {
    build.onLoad({ filter: /[\\/]@whatwg-node[\\/]server[\\/]esm[\\/]createServerAdapter\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes(UNDICI_PROBE))
        throw new Error(`server-adapter-without-undici: "${UNDICI_PROBE}" not found in ${args.path}`);
      return { contents: source.replace(UNDICI_PROBE, "? true"), loader: "js" };
    });
  },
};

// Prisma's client decodes its whole parameterization graph (~20 MB of objects) when it is
// constructed; the bundle's copy decodes each node when a query first needs it instead
// (.config/prisma-param-graph.cjs says why and how). The one-line function that calls
// Prisma's decoder is found by its shape; the build fails if Prisma changes it. Only the ES
// build of the runtime is patched: es-builds (below) makes it the one the bundle takes.
const PARAM_GRAPH_DECODE = /function ([\w$]+)\((\w)\)\{return new [\w$]+\(\2\)\.deserialize\(\)\}/;
const paramGraphOnDemand = {
  name: "prisma-param-graph-on-demand",
  setup(build) {
    build.onLoad({ filter: /[\\/]@prisma[\\/]client[\\/]runtime[\\/]client\.m?js$/ }, (args) => {
      if (!args.path.endsWith(".mjs"))
        throw new Error(`prisma-param-graph-on-demand: the bundle took Prisma's CommonJS runtime (${args.path})`);
      const source = readFileSync(args.path, "utf8");
      const found = PARAM_GRAPH_DECODE.exec(source);
      if (!found) throw new Error(`prisma-param-graph-on-demand: Prisma's graph decoder not found in ${args.path}`);
      const helper = JSON.stringify(join(__dirname, "prisma-param-graph.cjs"));
      const call = `function ${found[1]}(e){return __dostupLazyParamGraph(e)}`;
      const load = `import { lazyParamGraph as __dostupLazyParamGraph } from ${helper};\n`;
      return { contents: load + source.replace(found[0], call), loader: "js" };
    });
  },
};

// Two libraries would come into the bundle as CommonJS although they ship ES modules, and
// CommonJS is compiled twice on a cold start (pre-parsed with the bundle, then parsed again
// inside its wrapper when first required): Prisma's runtime (the "node" condition of its
// exports picks client.js, ~255 kB with its utils) and, for graphql-armor's token limit,
// graphql's parser (`graphql/language/parser` resolves to parser.js, not parser.mjs), which
// was a second copy of the parser beside the ES one the rest of the API uses.
const ES_BUILDS = {
  "@prisma/client/runtime/client": "@prisma/client/runtime/client.mjs",
  "graphql/language/parser": "graphql/language/parser.mjs",
};
const esBuilds = {
  name: "es-builds",
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(ES_BUILDS).join("|").replace(/[./]/g, "\\$&")})$`);
    build.onResolve({ filter }, (args) => ({ path: require.resolve(ES_BUILDS[args.path]) }));
  },
};

module.exports = [zodWithoutLocales, prismaWasmFromFile, serverAdapterWithoutUndici, paramGraphOnDemand, esBuilds];
