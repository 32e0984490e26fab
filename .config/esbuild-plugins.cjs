// esbuild plugins for `serverless package` (serverless-esbuild's `plugins` option; CommonJS
// because the plugin loads it with require()).
const { sep } = require("node:path");

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

module.exports = [zodWithoutLocales];
