// Source-mode entry of the parsing worker (tsx, vitest, `npm run web`): a worker thread does not
// inherit the TypeScript loader of the thread that started it, so this plain ES module registers
// tsx's loader inside the worker and then loads the TypeScript entry. The desktop bundle does not
// use this file: electron-vite builds entry.ts into out/main/excel-worker.js (see pool.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport(new URL('./entry.ts', import.meta.url).href, import.meta.url);
