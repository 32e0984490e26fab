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
    // react-admin with Material UI is about 1 MB minified (340 kB gzipped),
    // loaded once by a back-office app; the default 500 kB warning is noise.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite` dev server for working on the admin; the API runs on the Node server.
    proxy: { "/graphql": "http://localhost:4000" },
  },
});
