/**
 * The explorer's build: vanilla TypeScript from explorer/ into public/explore/ (the Workers
 * static-assets directory; git-ignored), served under /explore/. Run by `node src/cli/build-assets.ts`.
 * `npx vite explorer` serves it with hot reload, proxying /graphql to `npm start` on :8787.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explore/',
  // No public/ folder of its own: everything the page needs is imported by the code.
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../public/explore', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // Cytoscape is loaded only by the views that draw a network (a dynamic import): its own chunk.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:8787' } },
});
