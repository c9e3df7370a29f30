import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The baseline of queue_ui: a bare AG Grid page — no React, no application — with one link.
 * The click on it fetches the queue's first page from a tiny server that answers each request
 * with the hand-written queue query (tests/bench/documentPages.ts `handQueue`) on the same file,
 * and shows the rows with the queue page's columns (number, type, amount, budget impact, % used,
 * age with its SLA, step, flags, title, requester, unit, partner). AG Grid's own UMD build from
 * node_modules, served with the web server's cache headers (scripts immutable, HTML and data
 * not cached), so both pages are measured under the same rules.
 */
const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare AG Grid queue</title>
<style>html,body{margin:0;height:100%;font-family:'Noto Sans CJK SC',sans-serif}#grid{height:calc(100vh - 30px)}
.late{color:#b00}.due{color:#a60}.flag{margin-right:4px;padding:0 4px;border:1px solid #999;border-radius:3px}</style>
<script src="ag-grid-community.min.js"></script></head>
<body><a id="go" href="#/approvals">审批</a><div id="grid"></div>
<script>
const yuan = (f) => '¥' + (f / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const FLAG = { postHoc: '事后补申请', overBudget: '超预算', duplicateInvoice: '重复发票', overRequest: '超申请', overdue: '逾期' };
const SLA = { ok: '正常', due: '将到期', late: '已超时' };
const age = (h) => (h >= 24 ? Math.floor(h / 24) + ' 天 ' + (h % 24) + ' 小时' : h + ' 小时');
const columns = [
  { field: 'number', width: 150 },
  { field: 'docType', headerName: '类型', width: 96, valueFormatter: (p) => (p.value === 'claim' ? '核销' : '申请') },
  { colId: 'amount', field: 'amount', headerName: '金额', type: 'rightAligned', width: 120, valueFormatter: (p) => yuan(p.value) },
  { colId: 'impact', headerName: '预算影响', width: 210, type: 'rightAligned', valueGetter: (p) => p.data.impact && p.data.impact.availableAfter,
    valueFormatter: (p) => (p.data.impact ? yuan(p.data.impact.availableBefore) + ' → ' + yuan(p.data.impact.availableAfter) : '—') },
  { colId: 'used', headerName: '使用率', width: 76, type: 'rightAligned', valueGetter: (p) => p.data.impact && p.data.impact.usedBpAfter,
    valueFormatter: (p) => (p.value == null ? '' : (p.value / 100).toFixed(1) + '%') },
  { colId: 'age', field: 'ageHours', headerName: '等待', width: 130, sort: 'desc',
    cellRenderer: (p) => '<span class="' + p.data.sla + '">' + age(p.data.ageHours) + ' · ' + SLA[p.data.sla] + '</span>' },
  { field: 'stepName', headerName: '当前步骤', width: 100 },
  { colId: 'flags', headerName: '标记', width: 200, cellRenderer: (p) => Object.keys(FLAG).filter((k) => p.data.flags[k]).map((k) => '<span class="flag">' + FLAG[k] + '</span>').join('') },
  { field: 'title', headerName: '标题', width: 170 },
  { colId: 'requester', headerName: '申请人', width: 84, valueGetter: (p) => p.data.requester.name },
  { field: 'orgUnitName', headerName: '组织', width: 100 },
  { field: 'partnerName', headerName: '合作伙伴', width: 160 },
];
document.getElementById('go').addEventListener('click', (e) => {
  e.preventDefault();
  fetch('queue.json', { method: 'POST' }).then((r) => r.json()).then((page) => {
    agGrid.createGrid(document.getElementById('grid'), {
      theme: agGrid.themeBalham,
      columnDefs: columns,
      rowData: page.rows,
      getRowId: (p) => String(p.data.taskId),
      rowSelection: { mode: 'multiRow' },
    });
  });
});
</script></body></html>`;

export interface BareQueuePage {
  url: string;
  close(): Promise<void>;
}

/** `rows()` answers each request (the hand-written queue on the benchmark file). */
export async function startBareQueuePage(rows: () => unknown): Promise<BareQueuePage> {
  const umd = join(dirname(createRequire(import.meta.url).resolve('ag-grid-community')), '..', 'ag-grid-community.min.js');
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/queue.json') {
      const body = JSON.stringify(rows());
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(PAGE);
      return;
    }
    if (path === '/ag-grid-community.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-length': statSync(umd).size, 'cache-control': 'public, max-age=31536000, immutable' });
      createReadStream(umd).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}
