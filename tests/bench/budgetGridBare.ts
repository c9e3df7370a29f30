import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';

/**
 * The baseline of budget_grid_load: a bare AG Grid page — no React, no application — that loads
 * ag-grid-community's own UMD build from node_modules and has one link, "预算编制". The click on it
 * (or, for the cold figure, the page load with `#auto`) fetches the plan's first rows from a tiny
 * server that answers each request with the hand-written query on the same file (`rows()`, see
 * budgetGrid.ts `handFirstPage`), and shows them with the same columns (four keys, twelve months
 * as ¥ amounts, four quarters, the year). Served with the web server's cache headers (scripts
 * cached as immutable, HTML and data not cached), so both pages are measured under the same rules
 * and from the same starting point: a loaded, idle page, then the click.
 */
const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare AG Grid</title>
<style>html,body{margin:0;height:100%;font-family:'Noto Sans CJK SC',sans-serif}#grid{height:100vh}</style>
<script src="ag-grid-community.min.js"></script></head>
<body><a id="go" href="#/budgets/plan">预算编制</a><div id="grid"></div>
<script>
const yuan = (f) => '¥' + (f / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = { type: 'rightAligned', width: 118, valueFormatter: (p) => (typeof p.value === 'number' ? yuan(p.value) : '') };
const months = Array.from({ length: 12 }, (_, m) => ({ ...money, colId: 'm' + (m + 1), headerName: (m + 1) + '月', valueGetter: (p) => p.data.amounts[m] }));
const quarters = [0, 1, 2, 3].map((q) => ({ ...money, colId: 'q' + (q + 1), headerName: 'Q' + (q + 1), valueGetter: (p) => p.data.amounts.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0) }));
const keys = ['orgUnitCode', 'channelTypeCode', 'costTypeCode', 'partnerCode'].map((field) => ({ field, pinned: 'left', width: 120 }));
const show = () => fetch('rows.json', { method: 'POST' }).then((r) => r.json()).then((page) => {
  agGrid.createGrid(document.getElementById('grid'), {
    theme: agGrid.themeBalham,
    columnDefs: [...keys, ...months, ...quarters, { ...money, colId: 'year', headerName: '全年', pinned: 'right', valueGetter: (p) => p.data.total }],
    rowData: page.rows,
    getRowId: (p) => String(p.data.lineId),
  });
});
document.getElementById('go').addEventListener('click', (e) => (e.preventDefault(), show()));
if (location.hash === '#auto') show();
</script></body></html>`;

export interface BarePage {
  url: string;
  close(): Promise<void>;
}

/** `rows()` answers each request (the hand-written first page on the benchmark file). */
export async function startBarePage(rows: () => unknown): Promise<BarePage> {
  const dir = mkdtempSync(join(tmpdir(), 'ccd-bench-bare-'));
  // the package exports only its module entry; the UMD build sits next to it in dist/
  const umd = join(dirname(createRequire(import.meta.url).resolve('ag-grid-community')), '..', 'ag-grid-community.min.js');
  writeFileSync(join(dir, 'index.html'), PAGE);
  const files: Record<string, string> = { '/': join(dir, 'index.html'), '/index.html': join(dir, 'index.html'), '/ag-grid-community.min.js': umd };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/rows.json') {
      // like an API answer: not cached
      const body = JSON.stringify(rows());
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    const file = files[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const html = extname(file) === '.html';
    res.writeHead(200, {
      'content-type': html ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
      'content-length': statSync(file).size,
      'cache-control': html ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          res();
        });
      }),
  };
}
