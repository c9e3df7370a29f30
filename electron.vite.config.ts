import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@shared': resolve(root, 'shared') };

// electron-vite builds three bundles. Source lives in electron/main, electron/preload and
// renderer/ (not the template's src/), so each entry is named explicitly.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    // excel-worker: the Excel parsing worker (worker_threads), emitted next to index.js where
    // electron/core/excel/worker/pool.ts looks for it
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts'), 'excel-worker': resolve(root, 'electron/core/excel/worker/entry.ts') },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    // A sandboxed preload cannot be an ES module: emit CommonJS.
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      chunkSizeWarningLimit: 3000,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
