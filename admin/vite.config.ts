import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Resolved from this file rather than the working directory, so the build does
// not depend on where `vite` is started from.
const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  // The Node server serves the built app under /admin/.
  base: "/admin/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Material UI alone is about 600 kB minified; the default 500 kB warning is noise
    // for a back-office app.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // The frameworks in chunks of their own: they change with an upgrade, not with each
        // release of the panel, so a returning browser re-downloads only the app's chunk.
        // Named packages only: a catch-all node_modules group would pull the dashboard's
        // recharts, loaded after sign-in, into what the login page needs.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            { name: "mui", test: /node_modules[\\/](@mui|@emotion|@popperjs)[\\/]/ },
            {
              name: "react-admin",
              test: /node_modules[\\/](react-admin|ra-[\w-]+|react-hook-form|@tanstack|lodash|inflection|node-polyglot)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    // `vite` dev server for working on the admin; the API runs on the Node server.
    proxy: { "/graphql": "http://localhost:4000" },
  },
});
