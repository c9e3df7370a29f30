import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetLineRow, BudgetVersion } from '../../../../shared/api/areas/budgets';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { MONEY_FORMAT } from '../export/cells';
import { hasSoffice, readBack, soffice, upload, workDir, writeTmp, xlsx } from '../testing';
import { stopWorkers } from '../worker/pool';

/**
 * Budget lines as an Excel kind: a version's lines exported as the grid shows them (money as
 * numbers in yuan with the ¥ format, from integer fen), the round trip into a draft (exactly the
 * edited cells and the added line, then nothing), and the refusals: a version that is not a draft,
 * a role that may not write budgets, amounts that are not amounts — each writing nothing.
 */
let core: TestCore;
let wang: Caller;
let zhao: Caller;
let planId: number;
let approved: BudgetVersion;
let draft: BudgetVersion;
let n = 0;
beforeAll(async () => {
  core = await freshCore({ demo: true, documents: true });
  wang = await core.as('wangfang');
  zhao = await core.as('zhaomin');
  const [plan] = await wang('budgetPlans.list', {});
  planId = plan!.id;
  approved = plan!.versions.find((v) => v.inForce)!;
  draft = await wang('budgetVersions.revise', { planId, note: 'Excel' });
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const job = () => `bl-${++n}-${Date.now()}`;
const MONTHS_ZH = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
const HEADER_ZH = ['ID', '组织', '渠道类型', '费用类型', '合作伙伴', ...MONTHS_ZH, '全年合计', '控制方式', '容差'];
const fen = (yuan: unknown) => Math.round((yuan as number) * 100);

/** Every budget row there is, plus the version's own row: equal snapshots = nothing was written. */
function budgetSnapshot(): string {
  const c = core.env.db.$client;
  return ['budget_versions', 'budget_version_lines', 'budget_lines', 'budget_ledger', 'document_history', 'change_log']
    .map((t) => `${t}:${JSON.stringify(c.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())}`)
    .join('\n');
}

async function allLines(caller: Caller, versionId: number, q: Record<string, unknown> = {}): Promise<BudgetLineRow[]> {
  const out: BudgetLineRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await caller('budgetVersions.lines', { versionId, limit: 5000, ...q, ...(cursor ? { cursor } : {}) });
    out.push(...page.rows);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

async function exported(caller: Caller, input: Record<string, unknown>) {
  const ref = await caller('excel.export', { kind: 'budgetLines', locale: 'zh-CN', ...input } as never);
  return { ref, path: core.files.open(caller.token, ref.fileId).path };
}

async function dryRun(caller: Caller, name: string, data: Buffer, versionId: number) {
  const fileId = await upload(core, caller.token, name, data);
  const jobId = job();
  const report = await caller('excel.dryRun', { jobId, fileId, kind: 'budgetLines', target: { versionId } });
  return { jobId, fileId, report };
}

describe('budget lines: export', () => {
  it('writes the version’s lines as the grid has them: money as yuan numbers with the ¥ format, year totals right', async () => {
    const lines = await allLines(wang, approved.id);
    expect(lines.length).toBeGreaterThan(100);
    const { ref, path } = await exported(wang, { target: { versionId: approved.id } });
    expect(ref.rows).toBe(lines.length);
    const { ws, rows } = await readBack(path);
    expect(rows[0]).toEqual(HEADER_ZH);
    expect(rows).toHaveLength(lines.length + 1);
    lines.forEach((l, k) => {
      const r = rows[k + 1]!;
      expect(r[0]).toBe(l.lineId);
      expect(String(r[1])).toMatch(new RegExp(`^${l.orgUnitCode}( |$)`));
      expect(String(r[2])).toMatch(new RegExp(`^${l.channelTypeCode}( |$)`));
      expect(String(r[3])).toMatch(new RegExp(`^${l.costTypeCode}( |$)`));
      expect(r[4] ?? null).toBe(l.partnerId === null ? null : `${l.partnerCode} ${l.partnerName}`);
      const months = r.slice(5, 17);
      expect(months.every((x) => typeof x === 'number')).toBe(true);
      expect(months.map(fen)).toEqual(l.amounts);
      expect(fen(r[17])).toBe(l.total);
      expect(months.map(fen).reduce((a, b) => a + b, 0)).toBe(fen(r[17]));
    });
    for (let col = 6; col <= 18; col++) expect(ws.getRow(2).getCell(col).numFmt).toBe(MONEY_FORMAT);
    // the sum of the whole sheet is the version's total (the grid's totals row)
    const version = await wang('budgetVersions.get', { id: approved.id });
    expect(rows.slice(1).reduce((a, r) => a + fen(r[17]), 0)).toBe(version.totalFen);
  });

  it('follows the grid: its row order (rowIds), its visible columns, or budgetVersions.lines’ filters and sort', async () => {
    const lines = await allLines(wang, approved.id);
    const picked = [lines[7]!, lines[2]!, lines[40]!].map((l) => l.lineId);
    const byIds = await readBack((await exported(wang, { target: { versionId: approved.id }, rowIds: picked, columns: ['orgUnit', 'm12', 'year'], locale: 'en' })).path);
    expect(byIds.rows[0]).toEqual(['ID', 'Org unit', 'Dec', 'Year total']);
    expect(byIds.rows.slice(1).map((r) => r[0])).toEqual(picked);

    const query = { quick: 'PROMO', sort: [{ colId: 'total', sort: 'desc' as const }] };
    const shown = await allLines(wang, approved.id, query);
    const byQuery = await readBack((await exported(wang, { target: { versionId: approved.id }, query })).path);
    expect(byQuery.rows.slice(1).map((r) => r[0])).toEqual(shown.map((l) => l.lineId));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(lines.length);
  });

  it('needs a version that exists', async () => {
    await expect(wang('excel.export', { kind: 'budgetLines' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'target.versionId' }] });
    await expect(wang('excel.export', { kind: 'budgetLines', target: { versionId: 999_999 } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(wang('excel.export', { kind: 'partners', target: { versionId: approved.id } })).rejects.toMatchObject({ code: 'validation' });
  });

  it('makes a template with dropdowns for org unit, channel type, cost type and control mode', async () => {
    const ref = await wang('excel.template', { kind: 'budgetLines', locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(core.files.open(wang.token, ref.fileId).path);
    const data = wb.worksheets[0]!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['组织*', '渠道类型*', '费用类型*', '合作伙伴', ...MONTHS_ZH, '控制方式', '容差']);
    const dv = (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    // exceljs keeps validations per cell: the columns that have a list
    const lists = [...new Set(Object.entries(dv).filter(([, v]) => v.type === 'list').map(([cell]) => cell.replace(/\d+$/, '')))];
    expect(lists).toEqual(['A', 'B', 'C', 'Q']);
    const listSheet = wb.getWorksheet('下拉列表')!;
    const column = (k: number) => (listSheet.getColumn(k).values as unknown[]).slice(2).map(String);
    expect(column(1)).toContain('KM-WH 五华区');
    expect(column(2).some((v) => v.startsWith('TERMINAL'))).toBe(true);
    expect(column(3).some((v) => v.startsWith('PROMO'))).toBe(true);
    expect(column(4)).toEqual(['禁止超支', '超支预警', '不控制']);
  });
});

describe('budget lines: round trip into a draft', () => {
  it('reports and applies exactly two changed months and one added line, then nothing on the second import', async () => {
    const { path } = await exported(wang, { target: { versionId: draft.id } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const total = ws.rowCount - 1;
    const [a, b] = [ws.getRow(2).getCell(1).value as number, ws.getRow(3).getCell(1).value as number];
    const before = new Map((await allLines(wang, draft.id)).map((l) => [l.lineId, l]));
    // raise December of the first line by ¥1,000.50 and November of the second by ¥500 (raising never falls below what is used)
    ws.getRow(2).getCell(col('12月')).value = (before.get(a)!.amounts[11]! + 100_050) / 100;
    ws.getRow(3).getCell(col('11月')).value = (before.get(b)!.amounts[10]! + 50_000) / 100;
    // a new line: a township office the plan has no line for; only two months given (the others are 0)
    const add = ws.addRow([]);
    add.getCell(col('组织')).value = 'KM-WH-01';
    add.getCell(col('渠道类型')).value = 'TERMINAL';
    add.getCell(col('费用类型')).value = 'PROMO';
    add.getCell(col('6月')).value = 3000;
    add.getCell(col('7月')).value = '¥1,234.56';
    add.getCell(col('控制方式')).value = '禁止超支';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const snap = budgetSnapshot();
    const dry = await dryRun(wang, 'budget.xlsx', edited, draft.id);
    expect(dry.report.counts).toEqual({ total: total + 1, create: 1, update: 2, unchanged: total - 2, rejected: 0 });
    expect(budgetSnapshot()).toBe(snap); // a dry run writes nothing
    const updates = await wang('excel.changes', { jobId: dry.jobId, op: 'update' });
    expect(updates.rows.map((r) => [r.row, r.id, r.changes])).toEqual([
      [2, a, [{ column: 'm12', before: before.get(a)!.amounts[11], after: before.get(a)!.amounts[11]! + 100_050 }]],
      [3, b, [{ column: 'm11', before: before.get(b)!.amounts[10], after: before.get(b)!.amounts[10]! + 50_000 }]],
    ]);
    const creates = await wang('excel.changes', { jobId: dry.jobId, op: 'create' });
    expect(creates.rows).toMatchObject([{ row: total + 2, op: 'create', key: 'KM-WH-01 · TERMINAL · PROMO', id: null }]);
    expect(creates.rows[0]!.changes.map((c) => [c.column, c.after])).toEqual([
      ['orgUnit', expect.stringMatching(/^KM-WH-01 /)],
      ['channelType', expect.stringMatching(/^TERMINAL /)],
      ['costType', expect.stringMatching(/^PROMO /)],
      ['m6', 300_000],
      ['m7', 123_456],
      ['controlMode', 'block'],
    ]);
    expect(creates.rows[0]!.name).toMatch(/^[^/]+ \/ [^/]+ \/ [^/]+$/);

    const res = await wang('excel.commit', { jobId: dry.jobId, mode: 'all_or_nothing' });
    expect(res.counts).toEqual(dry.report.counts);
    const after = await allLines(wang, draft.id);
    const afterById = new Map(after.map((l) => [l.lineId, l]));
    expect(afterById.get(a)!.amounts[11]).toBe(before.get(a)!.amounts[11]! + 100_050);
    expect(afterById.get(b)!.amounts[10]).toBe(before.get(b)!.amounts[10]! + 50_000);
    const added = after.find((l) => l.orgUnitCode === 'KM-WH-01' && l.channelTypeCode === 'TERMINAL' && l.costTypeCode === 'PROMO')!;
    expect(added).toMatchObject({ partnerId: null, amounts: [0, 0, 0, 0, 0, 300_000, 123_456, 0, 0, 0, 0, 0], total: 423_456, controlMode: 'block', toleranceBp: null });
    // every other line as it was
    for (const l of after) if (l.lineId !== a && l.lineId !== b && l !== added) expect(l).toEqual(before.get(l.lineId));
    expect((await wang('budgetVersions.get', { id: draft.id })).version).toBe(draft.version + 1);

    // the same file again: all unchanged (the added line now found by its key), nothing written
    const snap2 = budgetSnapshot();
    const again = await dryRun(wang, 'budget.xlsx', edited, draft.id);
    expect(again.report.counts).toEqual({ total: total + 1, create: 0, update: 0, unchanged: total + 1, rejected: 0 });
    expect(again.report.previousImports).toMatchObject([{ id: res.importId, kind: 'budgetLines', created: 1, updated: 2 }]);
    const res2 = await wang('excel.commit', { jobId: again.jobId, mode: 'all_or_nothing' });
    expect(res2.counts).toEqual(again.report.counts);
    expect(budgetSnapshot()).toBe(snap2);

    // and a fresh export of the draft, re-imported: unchanged too
    const fresh = await exported(wang, { target: { versionId: draft.id }, locale: 'en' });
    const third = await dryRun(wang, 'fresh.xlsx', readFileSync(fresh.path), draft.id);
    expect(third.report.counts).toEqual({ total: total + 1, create: 0, update: 0, unchanged: total + 1, rejected: 0 });
  });

  it.skipIf(!hasSoffice())('changes nothing when the exported file was opened and saved again in LibreOffice', async () => {
    const { path } = await exported(wang, { target: { versionId: draft.id }, locale: 'en' });
    const dir = workDir();
    const [resaved] = soffice([writeTmp(dir, 'lines.xlsx', readFileSync(path))], 'xlsx', workDir());
    const snap = budgetSnapshot();
    const dry = await dryRun(wang, 'resaved.xlsx', readFileSync(resaved!), draft.id);
    expect(dry.report.issues).toEqual([]);
    expect(dry.report.counts).toMatchObject({ create: 0, update: 0, rejected: 0 });
    expect(dry.report.counts.unchanged).toBe(dry.report.counts.total);
    await wang('excel.commit', { jobId: dry.jobId });
    expect(budgetSnapshot()).toBe(snap);
  });

  it('keeps a month whose cell is empty, sets the default rule for an empty rule cell, and matches lines by key without an ID', async () => {
    const line = (await allLines(wang, draft.id)).find((l) => l.partnerId === null && l.amounts[9]! > 0)!;
    const file = await xlsx([
      {
        name: 'x',
        rows: [
          ['组织', '渠道类型', '费用类型', '9月', '10月', '控制方式'],
          [line.orgUnitCode, line.channelTypeCode, line.costTypeCode, (line.amounts[8]! + 1) / 100, null, '超支预警'],
        ],
      },
    ]);
    const dry = await dryRun(wang, 'keys.xlsx', file, draft.id);
    expect(dry.report.counts).toMatchObject({ update: 1, rejected: 0 });
    const [u] = (await wang('excel.changes', { jobId: dry.jobId, op: 'update' })).rows;
    const expected: { column: string; before: unknown; after: unknown }[] = [{ column: 'm9', before: line.amounts[8], after: line.amounts[8]! + 1 }];
    if (line.controlMode !== 'warn') expected.push({ column: 'controlMode', before: line.controlMode, after: 'warn' });
    expect(u).toMatchObject({ id: line.lineId, changes: expected });
    await wang('excel.commit', { jobId: dry.jobId });
    const now = (await allLines(wang, draft.id)).find((l) => l.lineId === line.lineId)!;
    expect(now.amounts).toEqual(line.amounts.map((a, m) => (m === 8 ? a + 1 : a))); // October kept
    expect(now.controlMode).toBe('warn');

    // an empty rule cell = the cost type's default again
    const reset = await xlsx([{ name: 'x', rows: [['ID', '控制方式'], [line.lineId, null]] }]);
    const dry2 = await dryRun(wang, 'reset.xlsx', reset, draft.id);
    expect((await wang('excel.changes', { jobId: dry2.jobId, op: 'update' })).rows[0]!.changes).toEqual([{ column: 'controlMode', before: 'warn', after: null }]);
  });
});

describe('budget lines: refusals', () => {
  it('refuses a version that is not a draft or returned, with its own error, and writes nothing', async () => {
    const { path } = await exported(wang, { target: { versionId: approved.id } });
    const data = readFileSync(path);
    const snap = budgetSnapshot();
    const fileId = await upload(core, wang.token, 'approved.xlsx', data);
    for (const call of [
      () => wang('excel.dryRun', { jobId: job(), fileId, kind: 'budgetLines', target: { versionId: approved.id } }),
      () => wang('excel.inspect', { fileId, kind: 'budgetLines', target: { versionId: approved.id } }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'excel_version_not_editable', params: { number: approved.number, fiscalYear: 2026, state: 'approved' } });
    }
    await expect(wang('excel.dryRun', { jobId: job(), fileId, kind: 'budgetLines' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'target.versionId', reason: 'v.required' }] });
    await expect(wang('excel.dryRun', { jobId: job(), fileId, kind: 'budgetLines', target: { versionId: 999_999 } })).rejects.toMatchObject({ code: 'not_found' });
    expect(budgetSnapshot()).toBe(snap);
  });

  it('refuses the commit when the draft was submitted after the dry run', async () => {
    const line = (await allLines(wang, draft.id))[0]!;
    const file = await xlsx([{ name: 'x', rows: [['ID', '12月'], [line.lineId, (line.amounts[11]! + 100) / 100]] }]);
    const dry = await dryRun(wang, 'late.xlsx', file, draft.id);
    expect(dry.report.counts.update).toBe(1);
    const v = await wang('budgetVersions.get', { id: draft.id });
    const submitted = await wang('budgetVersions.submit', { id: draft.id, version: v.version, comment: '' });
    const snap = budgetSnapshot();
    await expect(wang('excel.commit', { jobId: dry.jobId })).rejects.toMatchObject({ code: 'excel_version_not_editable' });
    expect(budgetSnapshot()).toBe(snap);
    // give it back as a returned version: imports are allowed again
    const returned = await zhao('budgetVersions.return', { id: draft.id, version: submitted.version, comment: 'more' });
    expect(returned.state).toBe('returned');
    const dry2 = await dryRun(wang, 'late.xlsx', file, draft.id);
    expect(dry2.report.counts.update).toBe(1);
  });

  it('refuses channel staff (forbidden): imports are for finance', async () => {
    const zhang = await core.as('zhangwei');
    const file = await xlsx([{ name: 'x', rows: [['组织', '渠道类型', '费用类型', '1月'], ['KM-WH', 'TERMINAL', 'PROMO', 100]] }]);
    const fileId = await upload(core, zhang.token, 'staff.xlsx', file);
    const snap = budgetSnapshot();
    await expect(zhang('excel.dryRun', { jobId: job(), fileId, kind: 'budgetLines', target: { versionId: draft.id } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(zhang('excel.inspect', { fileId, kind: 'budgetLines', target: { versionId: draft.id } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(zhang('excel.template', { kind: 'budgetLines' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(budgetSnapshot()).toBe(snap);
    const kinds = await zhang('excel.kinds', {});
    expect(kinds.find((k) => k.kind === 'budgetLines')).toMatchObject({ canImport: false, canExport: true, needsTarget: true });
    // exporting is reading: their scope's lines only
    const { ref } = await exported(zhang, { target: { versionId: approved.id } });
    expect(ref.rows).toBe((await allLines(zhang, approved.id)).length);
    expect(ref.rows).toBeLessThan((await allLines(wang, approved.id)).length);
  });

  it('reports invalid amounts by row and column (negative, text, three decimals) and writes nothing', async () => {
    const lines = await allLines(wang, draft.id);
    const [x, y, z] = lines;
    const file = await xlsx([
      {
        name: 'x',
        rows: [
          ['ID', '组织', '渠道类型', '费用类型', '3月', '4月', '5月'],
          [x!.lineId, null, null, null, -100, null, null],
          [y!.lineId, null, null, null, null, '一千元', null],
          [z!.lineId, null, null, null, null, null, 12.345],
          [null, 'KM-WH', 'NO-SUCH', 'PROMO', 10, null, null],
          [lines[3]!.lineId, null, null, null, null, null, (lines[3]!.amounts[4]! + 1) / 100], // valid: one fen more in May
        ],
      },
    ]);
    const snap = budgetSnapshot();
    const dry = await dryRun(wang, 'bad.xlsx', file, draft.id);
    expect(dry.report.counts).toEqual({ total: 5, create: 0, update: 1, unchanged: 0, rejected: 4 });
    expect(dry.report.issues.map((i) => [i.row, i.column, i.columnKey, i.value, i.reason])).toEqual([
      [2, '3月', 'm3', '-100.00', 'v.non_negative'],
      [3, '4月', 'm4', '一千元', 'v.amount'],
      [4, '5月', 'm5', '12.345', 'v.money_decimals'],
      [5, '渠道类型', 'channelType', 'NO-SUCH', 'x.unknown_ref'],
    ]);
    await expect(wang('excel.commit', { jobId: dry.jobId, mode: 'all_or_nothing' })).rejects.toMatchObject({ code: 'excel_has_errors', params: { rejected: 4 } });
    expect(budgetSnapshot()).toBe(snap);
  });

  it('applies the grid’s rules through saveLines: a month below what is used is refused per cell, the other rows still go with skip_rejected', async () => {
    const db = core.env.db.$client;
    // a line of the draft whose January is partly used (the demo commits and spends from January)
    const used = db
      .prepare(
        `SELECT e.line_id AS lineId FROM budget_ledger e JOIN budget_version_lines vl ON vl.line_id = e.line_id AND vl.version_id = ?
         WHERE e.period = '2026-01' AND e.kind IN ('commitment','actual') GROUP BY e.line_id HAVING sum(e.amount) > 0 ORDER BY e.line_id LIMIT 1`,
      )
      .pluck()
      .get(draft.id) as number;
    const lines = await allLines(wang, draft.id);
    const other = lines.find((l) => l.lineId !== used)!;
    const file = await xlsx([
      {
        name: 'x',
        rows: [
          ['ID', '1月', '12月'],
          [used, 0, null],
          [other.lineId, null, (other.amounts[11]! + 700) / 100],
        ],
      },
    ]);
    const dry = await dryRun(wang, 'rules.xlsx', file, draft.id);
    expect(dry.report.counts).toMatchObject({ total: 2, update: 1, rejected: 1 });
    expect(dry.report.issues).toMatchObject([{ row: 2, column: '1月', columnKey: 'm1', reason: 'v.below_used', params: { used: expect.stringMatching(/^¥[\d,]+\.\d\d$/) } }]);
    const res = await wang('excel.commit', { jobId: dry.jobId, mode: 'skip_rejected' });
    expect(res.counts).toMatchObject({ update: 1, rejected: 1 });
    const now = new Map((await allLines(wang, draft.id)).map((l) => [l.lineId, l]));
    expect(now.get(other.lineId)!.amounts[11]).toBe(other.amounts[11]! + 700);
    expect(now.get(used)!.amounts[0]).toBe(lines.find((l) => l.lineId === used)!.amounts[0]);
  });

  it('refuses a row whose ID names a line of another key, and two rows for the same line', async () => {
    const lines = await allLines(wang, draft.id);
    const [p, q] = lines;
    const file = await xlsx([
      {
        name: 'x',
        rows: [
          ['ID', '组织', '渠道类型', '费用类型', '合作伙伴', '12月'],
          [p!.lineId, p!.orgUnitCode, q!.channelTypeCode === p!.channelTypeCode ? 'ECOM' : q!.channelTypeCode, p!.costTypeCode, null, 1],
          [q!.lineId, null, null, null, null, 2],
          [null, q!.orgUnitCode, q!.channelTypeCode, q!.costTypeCode, q!.partnerCode, 3],
        ],
      },
    ]);
    const dry = await dryRun(wang, 'keys.xlsx', file, draft.id);
    expect(dry.report.issues.map((i) => [i.row, i.columnKey, i.reason])).toEqual([
      [2, 'channelType', 'x.line_key_change'],
      [4, 'orgUnit', 'x.duplicate_in_file'],
    ]);
  });
});
