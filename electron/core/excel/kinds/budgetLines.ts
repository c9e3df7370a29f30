import type { z } from 'zod';
import { budgetsApi, type BudgetLineRow } from '../../../../shared/api/areas/budgets';
import type { Locale } from '../../../../shared/api/areas/common';
import { budgetLinesTarget } from '../../../../shared/api/areas/excel';
import { ApiError, type FieldIssue } from '../../../../shared/api/errors';
import { EDITABLE_STATES } from '../../../../shared/domain/approval';
import { messageParams } from '../../../../shared/i18n/errors';
import type { OrgCtx } from '../../context';
import { keyString, type LineKey } from '../../budgets/lines';
import { getVersionRow } from '../../budgets/plans';
import { saveVersionLines } from '../../budgets/saveLines';
import { amountsOf, dbOf, MONTH_COLS, stmt } from '../../budgets/sql';
import { versionLines } from '../../budgets/versionLines';
import { zodIssues } from '../../errors';
import { budgetLineColumns, columnOfField, h, MONTH_KEYS } from './budgetLineColumns';
import { refId, RowRejected } from './common';
import type { RefTables } from './refs';
import type { BatchApplied, Bilingual, Change, ExportRequest, ImportRow, RowIssueLite, ServiceKind, TargetUse } from './types';

/**
 * Budget lines of one budget version (SPEC 5 "Excel exchange" × SPEC 2 budgets): the entry grid
 * as a spreadsheet. The version is the import's and export's `target` ({ versionId }).
 *
 * One rule set. Each row becomes a row of `budgetVersions.saveLines` — checked with that API's own
 * zod schema — and the rows are saved by `saveVersionLines`, the function behind the grid's Save:
 * the same checks of references, scope, partners, closed periods, committed and spent amounts and
 * control limits, nothing re-implemented here. saveLines is all or nothing and names each refused
 * cell (`rows.<i>.<field>`), so the rows go to it in one call (applyRows, not a call per row: each
 * call reads the whole plan); the rows it refuses are set aside with their issues and the rest is
 * saved again — a refused call writes nothing. The engine runs this inside the import's
 * transaction, and the dry run rolls it back, so the report is exactly what the commit does.
 *
 * Decisions:
 * - Matching: by the ID column (the line id; exports carry it), else by the natural key org unit ×
 *   channel type × cost type × partner within the version's plan. A row with an ID may leave the
 *   key columns out or blank; if it fills them differently it is refused (x.line_key_change): a
 *   line's key is what the line is, so another key is another line (a new row without ID).
 * - Empty month cell = keep that month (0 for a new line), as saveLines' `amounts[i] = null`. A
 *   file with only some months filled updates only those; write 0 to clear a month. Absent month
 *   columns keep too.
 * - Control mode / tolerance follow the grid, where blank means "the cost type's default": an
 *   empty cell sets the default (null), an absent column keeps the line's rule. Exports write the
 *   line's own rule, so a blank exported cell (default) reads back as the same default.
 * - Unchanged rows (every value equal after merging) are not sent to saveLines: re-importing an
 *   exported file writes nothing, not even the version's row version.
 * - An import never removes lines: lines missing from the file stay (the grid removes lines).
 * - Two rows of a file for the same line: the later is refused (x.duplicate_in_file).
 * - The year total is written by exports only (importable: false); quarters are not exported.
 * - Amounts in refusals (used / allocated / limit) are shown in ¥, formatted from integer fen.
 */
/** a saveLines issue as a row issue; its amounts (fen) as ¥, by the shared rule for money params */
const toRowIssue = (i: FieldIssue, field: string): RowIssueLite => {
  const params = i.params && Object.keys(i.params).length ? messageParams(i.reason, i.params) : undefined;
  return { columnKey: columnOfField(field), reason: i.reason, ...(params ? { params } : {}) };
};

/** the API's schema of one row of budgetVersions.saveLines (rows become the API's own input) */
const saveLinesRow = budgetsApi['budgetVersions.saveLines'].input.shape.rows.element;
type SaveRow = z.output<typeof saveLinesRow>;

interface VersionLine {
  amounts: number[];
  controlMode: string | null;
  toleranceBp: number | null;
}

function versionLinesOf(ctx: OrgCtx, versionId: number): Map<number, VersionLine> {
  const rows = stmt(
    dbOf(ctx),
    `SELECT line_id AS lineId, ${MONTH_COLS.join(', ')}, control_mode AS controlMode, tolerance_bp AS toleranceBp FROM budget_version_lines WHERE version_id = ?`,
  ).all(versionId) as (Record<string, number> & { lineId: number; controlMode: string | null; toleranceBp: number | null })[];
  return new Map(rows.map((r) => [r.lineId, { amounts: amountsOf(r), controlMode: r.controlMode, toleranceBp: r.toleranceBp }]));
}

/** Partners by code ("P0001", or "P0001 name" as exports write it) or by a name no other partner has. */
function partnerResolver(ctx: OrgCtx) {
  const db = dbOf(ctx);
  const byCode = stmt(db, 'SELECT id, code FROM partners WHERE code = ?');
  const byName = stmt(db, 'SELECT id, code FROM partners WHERE name = ? LIMIT 2');
  const one = stmt(db, 'SELECT code, name FROM partners WHERE id = ?');
  const recs = new Map<number, { code: string; name: string }>();
  const rec = (id: number) => recs.get(id) ?? recs.set(id, (one.get(id) as { code: string; name: string } | undefined) ?? { code: `#${id}`, name: '' }).get(id)!;
  const memo = new Map<string, { id: number; code: string } | 'x.unknown_ref' | 'x.ambiguous_ref'>();
  return {
    resolve(text: string) {
      const t = text.trim();
      let hit = memo.get(t);
      if (hit === undefined) {
        const rec = (byCode.get(t) ?? byCode.get(t.split(/\s+/, 1)[0] ?? '')) as { id: number; code: string } | undefined;
        if (rec) hit = rec;
        else {
          const named = byName.all(t) as { id: number; code: string }[];
          hit = named.length === 1 ? named[0]! : named.length > 1 ? 'x.ambiguous_ref' : 'x.unknown_ref';
        }
        memo.set(t, hit);
      }
      return hit;
    },
    code: (id: number) => rec(id).code,
    name: (id: number) => rec(id).name,
  };
}

const versionIdOf = (target: Record<string, unknown> | null | undefined): number => {
  const id = (target as { versionId?: unknown } | null | undefined)?.versionId;
  if (typeof id !== 'number') throw new ApiError('validation', 'A budget version is required', undefined, [{ path: 'target.versionId', reason: 'v.required' }]);
  return id;
};

/**
 * The version must exist (versions are readable by every signed-in user, like plans — their lines
 * are limited to the caller's scope); to import, it must be a draft or returned, as for the grid.
 */
function checkTarget(ctx: OrgCtx, target: Record<string, unknown>, use: TargetUse): void {
  const v = getVersionRow(dbOf(ctx), versionIdOf(target)); // not_found
  if (use === 'import' && !EDITABLE_STATES.includes(v.approvalState)) {
    throw new ApiError('excel_version_not_editable', 'Lines can only be imported into a draft or returned budget version', {
      number: v.number,
      fiscalYear: v.fiscalYear,
      state: v.approvalState,
    });
  }
}

/** One accepted row on its way to saveLines, with what it changes. */
interface Candidate {
  row: ImportRow;
  input: SaveRow;
  lineId: number | undefined;
  was: VersionLine | undefined;
  amounts: number[];
  controlMode: string | null;
  toleranceBp: number | null;
  key: string;
  name: Bilingual;
  partnerText: string | null;
}

function applyRows(ctx: OrgCtx, rows: ImportRow[], refs: RefTables, target: Record<string, unknown> | null): BatchApplied {
  const versionId = versionIdOf(target);
  const db = dbOf(ctx);
  const v = getVersionRow(db, versionId);
  const lines = stmt(db, 'SELECT id, org_unit_id AS orgUnitId, channel_type_id AS channelTypeId, cost_type_id AS costTypeId, partner_id AS partnerId FROM budget_lines WHERE plan_id = ?')
    .all(v.planId) as (LineKey & { id: number })[];
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const lineByKey = new Map(lines.map((l) => [keyString(l), l.id]));
  const current = versionLinesOf(ctx, versionId);
  const scope = ctx.scope;
  const partners = partnerResolver(ctx);
  const rejected: BatchApplied['rejected'] = [];
  const outcomes: BatchApplied['outcomes'] = [];
  const firstRowOfLine = new Map<string, number>();
  const candidates: Candidate[] = [];

  // the preview's key (codes) and name (names in both languages) of a line
  const keyText = (k: LineKey) =>
    [refs.orgUnits.byId(k.orgUnitId)?.code, refs.channelTypes.byId(k.channelTypeId)?.code, refs.costTypes.byId(k.costTypeId)?.code, k.partnerId === null ? '' : partners.code(k.partnerId)]
      .filter(Boolean)
      .join(' · ');
  const nameOf = (k: LineKey): Bilingual => {
    const recs = [refs.orgUnits.byId(k.orgUnitId), refs.channelTypes.byId(k.channelTypeId), refs.costTypes.byId(k.costTypeId)];
    const partner = k.partnerId === null ? '' : partners.name(k.partnerId);
    const join = (l: 'zh' | 'en') => [...recs.map((r) => (r ? r[l] || r.code : '')), partner].filter(Boolean).join(' / ');
    return { 'zh-CN': join('zh'), en: join('en') };
  };

  for (const row of rows) {
    try {
      const has = (k: string) => row.present.has(k);
      // the line named by the ID column, if any
      const idv = has('id') ? (row.v.id as number | null) : null;
      const byId = idv === null ? undefined : lineById.get(idv);
      if (idv !== null && !byId) throw new RowRejected([{ columnKey: 'id', reason: 'x.unknown_id', params: { id: idv } }]);
      // key cells: blank or absent = not given (a row with an ID takes its line's key)
      const given = {
        orgUnitId: has('orgUnit') ? refId(row, 'orgUnit', refs.orgUnits) : null,
        channelTypeId: has('channelType') ? refId(row, 'channelType', refs.channelTypes) : null,
        costTypeId: has('costType') ? refId(row, 'costType', refs.costTypes) : null,
        partnerId: null as number | null,
      };
      const partnerCell = has('partner') ? row.v.partner : null;
      if (typeof partnerCell === 'string' && partnerCell !== '') {
        const p = partners.resolve(partnerCell);
        if (typeof p === 'string') throw new RowRejected([{ columnKey: 'partner', reason: p, params: { value: partnerCell } }]);
        given.partnerId = p.id;
      }
      let key: Partial<LineKey>;
      if (byId) {
        const differs = (['orgUnitId', 'channelTypeId', 'costTypeId', 'partnerId'] as const).filter((f) => given[f] !== null && given[f] !== byId[f]);
        if (differs.length) throw new RowRejected(differs.map((f) => ({ columnKey: columnOfField(f), reason: 'x.line_key_change' })));
        key = { orgUnitId: byId.orgUnitId, channelTypeId: byId.channelTypeId, costTypeId: byId.costTypeId, partnerId: byId.partnerId };
      } else {
        key = { orgUnitId: given.orgUnitId ?? undefined, channelTypeId: given.channelTypeId ?? undefined, costTypeId: given.costTypeId ?? undefined, partnerId: given.partnerId };
      }

      // the row as budgetVersions.saveLines takes it, checked with the API's own schema
      const amounts = MONTH_KEYS.map((k) => (has(k) ? ((row.v[k] as number | null) ?? null) : null));
      const raw: Record<string, unknown> = { ...key, amounts };
      if (has('controlMode')) raw.controlMode = (row.v.controlMode as string | null) ?? null;
      if (has('tolerance')) raw.toleranceBp = (row.v.tolerance as number | null) ?? null;
      const parsed = saveLinesRow.safeParse(raw);
      // by the whole path: amounts.<m> is the month's column
      if (!parsed.success) throw new RowRejected(zodIssues(parsed.error).map((i) => toRowIssue(i, i.path)));
      const input = parsed.data;
      const ks = keyString(input);
      const lineId = byId?.id ?? lineByKey.get(ks);
      if (lineId !== undefined && !scope.has(lineById.get(lineId)!.orgUnitId)) throw new RowRejected([{ columnKey: 'orgUnit', reason: 'x.out_of_scope' }]);
      const first = firstRowOfLine.get(ks);
      if (first !== undefined) throw new RowRejected([{ columnKey: byId ? 'id' : 'orgUnit', reason: 'x.duplicate_in_file', params: { rows: `${first}, ${row.row}` } }]);
      firstRowOfLine.set(ks, row.row);

      // what the row will change: saveLines' merge (null keeps the month, undefined keeps the rule)
      const was = lineId === undefined ? undefined : current.get(lineId);
      const merged = input.amounts.map((a, m) => a ?? was?.amounts[m] ?? 0);
      const controlMode = input.controlMode === undefined ? (was?.controlMode ?? null) : input.controlMode;
      const toleranceBp = input.toleranceBp === undefined ? (was?.toleranceBp ?? null) : input.toleranceBp;
      const partnerText = input.partnerId === null ? null : `${partners.code(input.partnerId)} ${partners.name(input.partnerId)}`.trim();
      const c: Candidate = { row, input, lineId, was, amounts: merged, controlMode, toleranceBp, key: keyText(input), name: nameOf(input), partnerText };
      if (was && changesOf(c).length === 0) {
        outcomes.push({ op: 'unchanged', id: lineId!, key: c.key, name: c.name, changes: [], row: row.row });
        continue;
      }
      candidates.push(c);
    } catch (e) {
      if (e instanceof RowRejected) rejected.push({ row, issues: e.issues });
      else throw e;
    }
  }

  // one saveLines call for every changed row; the rows it refuses are set aside and the rest saved again
  let batch = candidates;
  for (let attempt = 0; batch.length > 0; attempt++) {
    try {
      const version = getVersionRow(db, versionId).version;
      const res = saveVersionLines(ctx, { versionId, version, rows: batch.map((c) => c.input), removeLineIds: [] });
      batch.forEach((c, i) =>
        outcomes.push({ op: c.was ? 'update' : 'create', id: res.lineIds[i] ?? null, key: c.key, name: c.name, changes: changesOf(c), row: c.row.row }),
      );
      break;
    } catch (e) {
      const refused = e instanceof ApiError && e.code === 'validation' && attempt < 10 ? issuesByRow(e) : null;
      if (!refused) throw e; // not about rows (the version was submitted meanwhile, a stale version …): the import stops
      batch.forEach((c, i) => refused.has(i) && rejected.push({ row: c.row, issues: refused.get(i)! }));
      batch = batch.filter((_, i) => !refused.has(i));
    }
  }
  outcomes.sort((a, b) => a.row - b.row);
  return { outcomes, rejected };
}

/** saveLines' FieldIssues (`rows.<i>.<field>`) by input row; null when one is not about a row */
function issuesByRow(e: ApiError): Map<number, RowIssueLite[]> | null {
  const details = Array.isArray(e.details) ? (e.details as FieldIssue[]) : [];
  const out = new Map<number, RowIssueLite[]>();
  for (const i of details) {
    const m = /^rows\.(\d+)\.(.+)$/.exec(i.path);
    if (!m) return null;
    const k = Number(m[1]);
    (out.get(k) ?? out.set(k, []).get(k)!).push(toRowIssue(i, m[2]!));
  }
  return out.size ? out : null;
}

/**
 * The cells a row changes: months (fen) and the rule, before → after. A new line (or one the
 * version does not hold yet) lists what it writes, before null: its key, the months that are not
 * 0 and its own rule if it has one.
 */
function changesOf(c: Candidate): Change[] {
  const out: Change[] = [];
  if (!c.was) {
    const k = c.input;
    out.push({ column: 'orgUnit', before: null, after: k.orgUnitId }, { column: 'channelType', before: null, after: k.channelTypeId }, { column: 'costType', before: null, after: k.costTypeId });
    if (c.partnerText !== null) out.push({ column: 'partner', before: null, after: c.partnerText });
  }
  c.amounts.forEach((a, m) => {
    const before = c.was?.amounts[m] ?? null;
    if (c.was ? a !== before : a !== 0) out.push({ column: MONTH_KEYS[m]!, before, after: a });
  });
  if (c.controlMode !== (c.was?.controlMode ?? null)) out.push({ column: 'controlMode', before: c.was?.controlMode ?? null, after: c.controlMode });
  if (c.toleranceBp !== (c.was?.toleranceBp ?? null)) out.push({ column: 'tolerance', before: c.was?.toleranceBp ?? null, after: c.toleranceBp });
  return out;
}

/** A version line as an export row (typed values: ids of references, fen). */
function exportRow(r: BudgetLineRow): Record<string, unknown> {
  const o: Record<string, unknown> = {
    id: r.lineId,
    orgUnit: r.orgUnitId,
    channelType: r.channelTypeId,
    costType: r.costTypeId,
    partner: r.partnerId === null ? null : [r.partnerCode, r.partnerName].filter(Boolean).join(' '),
    year: r.total,
    controlMode: r.controlMode,
    tolerance: r.toleranceBp,
  };
  r.amounts.forEach((a, m) => (o[MONTH_KEYS[m]!] = a));
  return o;
}

const PAGE = 5000;
const linesQuery = budgetsApi['budgetVersions.lines'].input;

/**
 * The version's lines as the grid has them: through budgetVersions.lines (the caller's scope), with
 * the grid's quick search, filters and sort (`query`), or the entry grid's rows in its display
 * order (`rowIds` = line ids; the budget grid holds every line in the browser and sorts there).
 */
function* exportPages(ctx: OrgCtx, req: ExportRequest): Iterable<Record<string, unknown>[]> {
  const versionId = versionIdOf(req.target);
  const q = linesQuery.parse({ ...(req.rowIds ? {} : (req.query ?? {})), versionId, limit: PAGE });
  const pages = function* () {
    let cursor: string | undefined;
    for (;;) {
      const page = versionLines(ctx, { ...q, cursor });
      yield page.rows;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  };
  if (!req.rowIds) {
    for (const rows of pages()) yield rows.map(exportRow);
    return;
  }
  const byId = new Map<number, BudgetLineRow>();
  for (const rows of pages()) for (const r of rows) byId.set(r.lineId, r);
  const ordered = req.rowIds.map((id) => byId.get(id)).filter((r): r is BudgetLineRow => !!r);
  for (let i = 0; i < ordered.length; i += PAGE) yield ordered.slice(i, i + PAGE).map(exportRow);
}

function example(refs: RefTables, locale: Locale): Record<string, unknown> {
  void locale;
  const unit = refs.orgUnits.recs.find((r) => r.active && refs.scope.has(r.id) && r.code.split('-').length === 2) ?? refs.orgUnits.recs.find((r) => r.active && refs.scope.has(r.id));
  const channel = refs.channelTypes.recs.find((r) => r.active);
  const cost = refs.costTypes.recs.find((r) => r.active);
  const o: Record<string, unknown> = { orgUnit: unit?.id ?? null, channelType: channel?.id ?? null, costType: cost?.id ?? null, partner: null, controlMode: null, tolerance: null };
  // ¥10,000.00 a month, ¥12,000.00 in the spring-festival month (fen)
  MONTH_KEYS.forEach((k, m) => (o[k] = m === 1 ? 1_200_000 : 1_000_000));
  return o;
}

export const budgetLinesKind: ServiceKind = {
  kind: 'budgetLines',
  strategy: 'service',
  label: h('预算行', 'Budget lines'),
  sheet: h('预算行', 'Budget lines'),
  columns: budgetLineColumns,
  naturalKey: 'orgUnit',
  writeRoles: ['finance'],
  schema: saveLinesRow,
  refTables: ['orgUnits', 'channelTypes', 'costTypes'],
  intro: h(
    '每行一个预算行（组织 × 渠道类型 × 费用类型 × 合作伙伴），导入到所选的草稿或退回版本。有 ID 或已存在的组合时更新该行，否则新增；文件中没有的行保持不变。校验与预算表保存相同（已关账月份、已占用金额、控制上限等）。',
    'One budget line per row (org unit × channel type × cost type × partner), imported into the chosen draft or returned version. A row with an ID or an existing combination updates that line, others add lines; lines not in the file stay as they are. The checks are those of saving the budget grid (closed months, committed amounts, control limits ...).',
  ),
  target: budgetLinesTarget,
  checkTarget,
  applyRows,
  exportPages,
  example,
};
