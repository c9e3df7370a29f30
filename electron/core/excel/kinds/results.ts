import { resultInput, resultsQuery } from '../../../../shared/api/areas/results';
import type { Locale } from '../../../../shared/api/areas/common';
import { isoNow, type OrgCtx } from '../../context';
import { storedResult, sameValues, writeResults, type ResultWrite } from '../../analysis/results';
import { listResults } from '../../analysis/service';
import { stmt } from '../../budgets/sql';
import { h } from './budgetLineColumns';
import { closestRecords } from './closest';
import { zodRowIssues } from './common';
import type { RefRec, RefTables } from './refs';
import type { BatchApplied, Change, ColumnDef, ExportRequest, ImportRow, RowIssueLite, ServiceKind } from './types';

/**
 * Sales results (issue 10.1): one row per partner × month — revenue, gross margin (blank = not
 * known), new subscribers. Keys: partner code (or "code name" as exports write it) + month; no ID
 * column (the key is the record). The org unit column is export-only (the partner's).
 *
 * One rule set: each row becomes the API's `resultInput` (checked with its zod schema) and is
 * written by `writeResults` — the write path of results.save and the demo — inside the import's
 * transaction (the dry run rolls it back). Every problem of a row in one round: unknown partner
 * (with the closest partners in the caller's scope), out-of-scope partner, a month that is not one,
 * money with more than two decimals or negative revenue, non-integer or negative subscribers.
 * A row equal to what is stored is unchanged and not written: re-importing a file changes nothing.
 * Two rows for the same partner and month: the later is refused (x.duplicate_in_file).
 * Writers: finance and administrators, as for the grid.
 */
const columns: ColumnDef[] = [
  {
    key: 'partner',
    type: 'ref',
    header: h('合作伙伴', 'Partner'),
    aliases: ['合作伙伴编码', '渠道商', 'Partner code', '编码', 'Code'],
    required: true,
    width: 28,
    help: h('合作伙伴编码（如 P000123，或“编码 名称”）；须在您的权限范围内。', 'Partner code (e.g. P000123, or "code name"); within your scope.'),
  },
  {
    key: 'orgUnit',
    type: 'text',
    header: h('组织', 'Org unit'),
    importable: false,
    width: 22,
    help: h('合作伙伴所属组织（仅导出，导入时忽略）。', "The partner's org unit (exports only; ignored on import)."),
  },
  {
    key: 'period',
    type: 'text',
    header: h('月份', 'Month'),
    aliases: ['期间', 'Period', '年月'],
    required: true,
    width: 10,
    help: h('月份：2026-03、2026/3 或 2026年3月（也可以是该月的任一日期）。', 'Month: 2026-03, 2026/3 or 2026年3月 (or any date in that month).'),
  },
  {
    key: 'revenue',
    type: 'money',
    header: h('收入（元）', 'Revenue (¥)'),
    aliases: ['收入', '销售收入', 'Revenue'],
    required: true,
    width: 16,
    help: h('当月收入，元，最多两位小数，不能为负。', "The month's revenue in yuan, at most two decimals, not negative."),
  },
  {
    key: 'grossMargin',
    type: 'money',
    header: h('毛利（元）', 'Gross margin (¥)'),
    aliases: ['毛利', 'Gross margin', 'Margin'],
    width: 16,
    help: h('当月毛利，元；不知道请留空（留空 = 未知，不是 0）。', "The month's gross margin in yuan; leave empty when not known (empty = not known, not 0)."),
  },
  {
    key: 'newSubscribers',
    type: 'int',
    header: h('新增用户', 'New subscribers'),
    aliases: ['新增用户数', '新增', 'Subscribers'],
    width: 12,
    help: h('当月新增用户数，非负整数；留空为 0。', 'New subscribers in the month, a whole number ≥ 0; empty = 0.'),
  },
  {
    key: 'updatedAt',
    type: 'datetime',
    header: h('更新时间', 'Updated'),
    importable: false,
    width: 19,
    help: h('最后修改时间（仅导出）。', 'Last changed (exports only).'),
  },
];

/** 'YYYY-MM' from 2026-03, 2026/3, 2026.3, 2026年3月, 202603, or a date in the month; null if none */
export function parseMonth(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?(?:[-/.]\d{1,2}日?|\d{1,2}日)?|(\d{2}))$/.exec(t);
  if (!m) return null;
  const month = Number(m[2] ?? m[3]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

interface PartnerHit {
  id: number;
  code: string;
  name: string;
  orgUnitId: number;
}

function partnerLookup(ctx: OrgCtx) {
  const db = ctx.db.$client;
  const byCode = stmt(db, 'SELECT id, code, name, org_unit_id AS orgUnitId FROM partners WHERE code = ?');
  const byName = stmt(db, 'SELECT id, code, name, org_unit_id AS orgUnitId FROM partners WHERE name = ? LIMIT 2');
  const memo = new Map<string, PartnerHit | 'x.unknown_ref' | 'x.ambiguous_ref'>();
  let recs: RefRec[] | null = null;
  return {
    resolve(text: string): PartnerHit | 'x.unknown_ref' | 'x.ambiguous_ref' {
      let hit = memo.get(text);
      if (hit === undefined) {
        const rec = (byCode.get(text) ?? byCode.get(text.split(/\s+/, 1)[0] ?? '')) as PartnerHit | undefined;
        if (rec) hit = rec;
        else {
          const named = byName.all(text) as PartnerHit[];
          hit = named.length === 1 ? named[0]! : named.length > 1 ? 'x.ambiguous_ref' : 'x.unknown_ref';
        }
        memo.set(text, hit);
      }
      return hit;
    },
    /** the closest active partners in the caller's scope (loaded once, only when a code is not found) */
    closest(text: string): string {
      if (!recs) {
        const s = ctx.scope.sql('org_unit_id');
        recs = (
          stmt(db, `SELECT id, code, name AS zh, name AS en, active FROM partners ${s.where.length ? `WHERE ${s.where[0]}` : ''} ORDER BY code`).all(...s.params) as (Omit<RefRec, 'active'> & { active: number })[]
        ).map((r) => ({ ...r, active: !!r.active }));
      }
      return closestRecords(recs, text)
        .map((r) => `${r.code} ${r.zh}`)
        .join(' / ');
    },
  };
}

const FIELDS = ['revenue', 'grossMargin', 'newSubscribers'] as const;

function applyRows(ctx: OrgCtx, rows: ImportRow[], _refs: RefTables): BatchApplied {
  const db = ctx.db.$client;
  const partners = partnerLookup(ctx);
  const rejected: BatchApplied['rejected'] = [];
  const accepted: { row: ImportRow; input: ResultWrite; key: string; name: string; changes: Change[]; op: 'create' | 'update' | 'unchanged' }[] = [];
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const issues: RowIssueLite[] = [];
    const failed = row.failed ?? new Set<string>();
    const ok = (k: string) => !failed.has(k) && row.present.has(k);
    // partner
    let partner: PartnerHit | null = null;
    const pText = ok('partner') ? String(row.v.partner ?? '').trim() : '';
    if (ok('partner') && pText === '') issues.push({ columnKey: 'partner', reason: 'v.required' });
    else if (pText) {
      const p = partners.resolve(pText);
      if (typeof p === 'string') {
        const closest = p === 'x.unknown_ref' ? partners.closest(pText) : '';
        issues.push(closest ? { columnKey: 'partner', reason: 'x.unknown_ref_closest', params: { value: pText, closest } } : { columnKey: 'partner', reason: p, params: { value: pText } });
      } else if (!ctx.scope.has(p.orgUnitId)) {
        const e = ctx.scope.error(p.orgUnitId);
        issues.push({ columnKey: 'partner', reason: 'x.out_of_scope', params: { scope: String(e.params?.scope ?? '') } });
      } else partner = p;
    }
    // month
    let period: string | null = null;
    const mText = ok('period') ? String(row.v.period ?? '').trim() : '';
    if (ok('period')) {
      period = mText ? parseMonth(mText) : null;
      if (!period) issues.push(mText ? { columnKey: 'period', reason: 'x.month', params: { value: mText } } : { columnKey: 'period', reason: 'v.required' });
    }
    // the API's own schema (placeholders where a cell is already refused, so every problem shows)
    const val = (k: (typeof FIELDS)[number], fallback: number | null) => (ok(k) ? (row.v[k] as number | null) : fallback);
    const raw = {
      partnerId: partner?.id ?? 1,
      period: period ?? '2000-01',
      revenue: val('revenue', 0) ?? 0,
      grossMargin: val('grossMargin', null),
      newSubscribers: val('newSubscribers', 0) ?? 0,
    };
    const parsed = resultInput.safeParse(raw);
    if (!parsed.success) issues.push(...zodRowIssues(parsed.error).filter((i) => i.columnKey && !failed.has(i.columnKey)));
    if (failed.size || issues.length || !partner || !period || !parsed.success) {
      if (issues.length) rejected.push({ row, issues });
      else if (!failed.size) rejected.push({ row, issues: [{ columnKey: null, reason: 'x.validation' }] });
      continue;
    }
    const key = `${partner.code} · ${period}`;
    const dup = firstRow.get(key);
    if (dup !== undefined) {
      rejected.push({ row, issues: [{ columnKey: 'partner', reason: 'x.duplicate_in_file', params: { rows: `${dup}, ${row.row}` } }] });
      continue;
    }
    firstRow.set(key, row.row);
    // a column the file leaves out keeps the stored value (margin stays as it is; a new row: not known / 0)
    const was = storedResult(db, partner.id, period);
    const input: ResultWrite = {
      ...parsed.data,
      revenue: row.present.has('revenue') ? parsed.data.revenue : (was?.revenue ?? 0),
      grossMargin: row.present.has('grossMargin') ? parsed.data.grossMargin : (was?.grossMargin ?? null),
      newSubscribers: row.present.has('newSubscribers') ? parsed.data.newSubscribers : (was?.newSubscribers ?? 0),
    };
    const changes: Change[] = FIELDS.filter((f) => !was || was[f] !== input[f]).map((f) => ({ column: f, before: was ? was[f] : null, after: input[f] }));
    const op = !was ? 'create' : sameValues(was, input) ? 'unchanged' : 'update';
    accepted.push({ row, input, key, name: `${partner.code} ${partner.name}`, changes: op === 'unchanged' ? [] : changes, op });
  }
  writeResults(
    db,
    accepted.filter((a) => a.op !== 'unchanged').map((a) => a.input),
    { userId: ctx.user.id, at: isoNow(ctx) },
  );
  return {
    outcomes: accepted.map((a) => ({ op: a.op, id: a.input.partnerId, key: a.key, name: a.name, changes: a.changes, row: a.row.row })),
    rejected,
  };
}

const PAGE = 5000;

/**
 * The grid's filters as excel.export's query carries them (the engine's page query): `quick` = the
 * partner search, `filter.from` / `filter.to` = the month range (text equals 'YYYY-MM'),
 * `filter.orgUnitId` = the org unit (set of one id, its subtree), `sort` as results.list sorts.
 */
export function exportQueryOf(query: Record<string, unknown> | undefined) {
  const f = (query?.filter ?? {}) as Record<string, { filter?: unknown; values?: unknown[] }>;
  const text = (k: string) => (typeof f[k]?.filter === 'string' ? (f[k].filter as string) : undefined);
  const unit = f.orgUnitId?.values?.[0];
  return resultsQuery.parse({
    from: text('from'),
    to: text('to'),
    orgUnitId: typeof unit === 'number' ? unit : undefined,
    partner: typeof query?.quick === 'string' ? query.quick : '',
    sort: Array.isArray(query?.sort) ? query.sort : [],
    limit: PAGE,
    offset: 0,
  });
}

function* exportPages(ctx: OrgCtx, req: ExportRequest): Iterable<Record<string, unknown>[]> {
  const q = exportQueryOf(req.query);
  for (let offset = 0; ; offset += PAGE) {
    const page = listResults(ctx, { ...q, offset });
    yield page.rows.map((r) => ({
      partner: `${r.partnerCode} ${r.partnerName}`,
      orgUnit: `${r.orgUnitCode} ${ctx.user.locale === 'en' ? r.orgUnitEn || r.orgUnitZh : r.orgUnitZh}`,
      period: r.period,
      revenue: r.revenue,
      grossMargin: r.grossMargin,
      newSubscribers: r.newSubscribers,
      updatedAt: r.updatedAt,
    }));
    if (page.rows.length < PAGE) return;
  }
}

function example(refs: RefTables, locale: Locale): Record<string, unknown> {
  void refs;
  void locale;
  return { partner: 'P000001', period: '2026-03', revenue: 12_345_600, grossMargin: 3_086_400, newSubscribers: 42 };
}

export const resultsKind: ServiceKind = {
  kind: 'results',
  strategy: 'service',
  label: h('经营结果', 'Results'),
  sheet: h('经营结果', 'Results'),
  columns,
  naturalKey: 'partner',
  writeRoles: ['finance', 'admin'],
  schema: resultInput,
  refTables: [],
  intro: h(
    '每行一个合作伙伴的一个月：收入、毛利（未知请留空）和新增用户。按合作伙伴编码 + 月份识别：已有的更新，没有的新增；与系统中相同的行不会写入，重复导入同一文件不改变任何数据。',
    'One row per partner and month: revenue, gross margin (empty when not known) and new subscribers. Rows are matched by partner code + month: existing ones are updated, others added; rows equal to what is stored are not written, so importing the same file again changes nothing.',
  ),
  applyRows: (ctx, rows, refs) => applyRows(ctx as OrgCtx, rows, refs),
  checksFailedRows: true,
  exportPages: (ctx, req) => exportPages(ctx as OrgCtx, req),
  example,
};
