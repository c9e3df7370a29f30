import { PARTNER_STATUSES, partnerInput } from '../../../../shared/api/areas/master';
import type { Locale } from '../../../../shared/api/areas/common';
import { pageQuery } from '../../../../shared/api/areas/common';
import { userCovers, userScopeIds } from '../../auth/scope';
import type { OrgCtx } from '../../context';
import { stmt } from '../../db/stmt';
import { listPartners, partnerRefProblem, type PartnerRefLookup } from '../../master/partners';
import {
  insertPartnersFrom, PARTNER_FIELDS, PARTNER_STAGE_COLUMNS, partnerLogDiff, partnerRowValues, updatePartnersFrom, type PartnerValues, type Source,
} from '../../master/partnerWrite';
import { activeColumn, ApiError, apiErrorIssues, changesOf, choicesOf, colHeader, idColumn, masterLabels, refId, RowRejected, zodRowIssues } from './common';
import type { RefTable, RefTables } from './refs';
import type { Stage } from '../import/stage';
import type { BulkKind, BulkPlanner, Change, ColumnDef, ExportRequest, ImportRow, PlannedRow, RowIssueLite } from './types';

/**
 * Partners: the large kind (tens of thousands of rows), imported in bulk. Each row is checked
 * with partnerInput (the API's schema) and partnerRefProblem (the reference and scope rules the
 * partner service uses); the commit writes through the partner write the API uses
 * (master/partnerWrite.ts), in bulk from the plan's stage table.
 */
const FIELDS = PARTNER_FIELDS;
const PLAIN = ['code', 'name', 'starRating', 'contractStart', 'contractEnd', 'status', 'contactName', 'contactPhone', 'bankName', 'bankAccount'] as const;
/** API field → sheet column */
const PATH: Record<string, string> = { channelTypeId: 'channelType', orgUnitId: 'orgUnit', ownerUserId: 'owner' };

type Stored = { id: number; version: number; active: boolean } & Record<(typeof FIELDS)[number], unknown> & { orgUnitId: number };
type Input = ReturnType<typeof partnerInput.parse>;

const h = (zh: string, en: string) => ({ 'zh-CN': zh, en });
/** valid stand-ins for fields whose cells were refused already (see planRow) */
const PLACEHOLDER: Record<string, unknown> = {
  code: 'X', name: 'X', channelTypeId: 1, orgUnitId: 1, ownerUserId: null, starRating: 3, contractStart: null, contractEnd: null,
  status: undefined, contactName: '', contactPhone: '', bankName: '', bankAccount: '',
};
const statusChoices = choicesOf(PARTNER_STATUSES, masterLabels.zh.partnerStatus, masterLabels.en.partnerStatus);

const columns: ColumnDef[] = [
  idColumn,
  { key: 'code', type: 'code', header: colHeader('code'), required: true, width: 12, help: h('渠道合作伙伴编码，唯一；字母、数字、-、_、.，如 P000123。', 'Unique partner code: letters, digits, - _ . - e.g. P000123.') },
  { key: 'name', type: 'text', header: colHeader('name'), required: true, width: 28, help: h('名称，最多 100 个字符。', 'Name, at most 100 characters.') },
  { key: 'channelType', type: 'ref', header: colHeader('channelType'), required: true, list: 'channelTypes', width: 18, help: h('渠道类型编码（可从下拉列表选择）。', 'Channel type code (pick from the dropdown).') },
  { key: 'orgUnit', type: 'ref', header: colHeader('orgUnit'), required: true, list: 'orgUnits', width: 24, help: h('所属组织编码，须在您的权限范围内。', 'Org unit code; must be inside your scope.') },
  { key: 'owner', type: 'ref', header: colHeader('owner'), list: 'users', width: 16, help: h('渠道经理的用户名，可留空。', 'Username of the channel manager; may be empty.') },
  { key: 'starRating', type: 'int', header: colHeader('starRating'), required: true, list: 'choices', width: 7, choices: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), labels: [String(n)] })), help: h('星级，1 到 5 的整数。', 'Star rating, a whole number from 1 to 5.') },
  { key: 'contractStart', type: 'date', header: colHeader('contractStart'), width: 12, help: h('日期，如 2024-03-01、2024/3/1 或 2024年3月1日。', 'A date: 2024-03-01, 2024/3/1 or 2024年3月1日.') },
  { key: 'contractEnd', type: 'date', header: colHeader('contractEnd'), width: 12, help: h('日期，不能早于合同开始。', 'A date, not before the contract start.') },
  { key: 'status', type: 'enum', header: colHeader('status'), list: 'choices', choices: statusChoices, width: 10, help: h('洽谈中、合作中、暂停或已终止；留空为合作中。', 'Prospect, Cooperating, Suspended or Terminated; empty means Cooperating.') },
  { key: 'contactName', type: 'text', header: colHeader('contactName'), width: 10, help: h('联系人，最多 50 个字符。', 'Contact person, at most 50 characters.') },
  { key: 'contactPhone', type: 'text', header: colHeader('contactPhone'), width: 15, help: h('电话，只含数字、+、- 和空格。请以文本格式输入。', 'Phone: digits, +, - and spaces. Enter it as text.') },
  { key: 'bankName', type: 'text', header: colHeader('bankName'), width: 18, help: h('开户行。', 'Bank name.') },
  { key: 'bankAccount', type: 'text', header: colHeader('bankAccount'), width: 22, help: h('银行账号，只含数字；请以文本格式输入，否则 Excel 会丢失 15 位以后的数字。', 'Digits only. Enter as text, or Excel drops digits after the 15th.') },
  {
    key: 'updatedAt',
    type: 'datetime',
    header: colHeader('updatedAt'),
    importable: false,
    width: 19,
    help: h('最后修改的日期和时间（本机时间），与表格中显示的相同。只供查看，导入时忽略此列。', 'When the partner was last changed (local time), as the grid shows it. For reading only: imports ignore this column.'),
  },
  activeColumn,
];

const SELECT = `SELECT id, code, name, channel_type_id AS channelTypeId, org_unit_id AS orgUnitId, owner_user_id AS ownerUserId,
  star_rating AS starRating, contract_start AS contractStart, contract_end AS contractEnd, status, contact_name AS contactName,
  contact_phone AS contactPhone, bank_name AS bankName, bank_account AS bankAccount, active, version FROM partners`;

const storedInput = (s: Stored): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  for (const f of FIELDS) o[f] = s[f];
  return o;
};

function lookup(ctx: OrgCtx, refs: RefTables): PartnerRefLookup {
  const covered = new Map<number, Set<number>>();
  const client = ctx.db.$client;
  return {
    channelType: (id) => refs.channelTypes.byId(id),
    orgUnit: (id) => refs.orgUnits.byId(id),
    user: (id) => refs.users.byId(id),
    inScope: (id) => refs.scope.has(id),
    outOfScope: (id) => ctx.scope.error(id),
    userSees: (userId, orgUnitId) => {
      let c = covered.get(userId);
      if (!c) covered.set(userId, (c = userScopeIds(client, userId)));
      return userCovers(client, userId, [orgUnitId], c);
    },
  };
}

/** stage columns after the common ones: the values to write, and the change log's before/after (the partner write's source) */
const STAGE_COLUMNS = PARTNER_STAGE_COLUMNS;

function planner(ctx: OrgCtx, refs: RefTables, stage: Stage): BulkPlanner {
  const client = ctx.db.$client;
  const byIds = stmt(client, `${SELECT} WHERE id IN (SELECT value FROM json_each(?))`);
  const byCodes = stmt(client, `${SELECT} WHERE code IN (SELECT value FROM json_each(?))`);
  const look = lookup(ctx, refs);
  const load = (stmt: typeof byIds, keys: unknown[], key: 'id' | 'code') => {
    const m = new Map<unknown, Stored>();
    if (keys.length === 0) return m;
    for (const r of stmt.all(JSON.stringify(keys)) as Stored[]) m.set(r[key], { ...r, active: !!r.active });
    return m;
  };
  const values = (i: Input, active: boolean) => partnerRowValues({ ...i, active });
  const NONE = Array.from({ length: 14 }, () => null);
  const active = (row: ImportRow, existing: Stored | undefined) => (row.present.has('active') ? (row.v.active as boolean | null) : null) ?? existing?.active ?? true;

  /**
   * Every problem of a row at once: references not found (with the closest records), the API
   * schema's issues, the reference and scope rules per field — never only the first; cells that
   * could not be read (row.failed) were reported already and are left out of the checks.
   */
  function planRow(row: ImportRow, ids: Map<unknown, Stored>, codes: Map<unknown, Stored>): void {
    const idv = row.present.has('id') ? (row.v.id as number | null) : null;
    const code = row.present.has('code') && typeof row.v.code === 'string' && row.v.code ? row.v.code : null;
    let existing = idv !== null ? ids.get(idv) : undefined;
    if (idv !== null && !existing) throw new RowRejected([{ columnKey: 'id', reason: 'x.unknown_id', params: { id: idv } }]);
    if (!existing && code) existing = codes.get(code);
    if (existing && !refs.scope.has(existing.orgUnitId)) throw new RowRejected([{ columnKey: null, reason: 'x.out_of_scope' }]);

    const issues: RowIssueLite[] = [];
    const skip = new Set(row.failed ?? []);
    const ref = (key: string, table: RefTable) => {
      try {
        return refId(row, key, table);
      } catch (e) {
        if (!(e instanceof RowRejected)) throw e;
        issues.push(...e.issues);
        skip.add(key);
        return undefined;
      }
    };
    const fields: Record<string, unknown> = existing ? storedInput(existing) : {};
    for (const k of PLAIN) if (row.present.has(k)) fields[k] = row.v[k];
    if (fields.status === null) fields.status = undefined; // empty status: the schema's default
    const refFields = { channelTypeId: 'channelType', orgUnitId: 'orgUnit', ownerUserId: 'owner' } as const;
    const tables = { channelType: refs.channelTypes, orgUnit: refs.orgUnits, owner: refs.users };
    for (const [field, key] of Object.entries(refFields)) {
      if (!row.present.has(key)) continue;
      const id = ref(key, tables[key]);
      if (id !== undefined) fields[field] = id;
    }
    // the reference and scope rules, field by field, on what resolved (a patch checks only what changes)
    for (const [field, key] of Object.entries(refFields)) {
      if (skip.has(key) || typeof fields[field] !== 'number') continue;
      if (existing && fields[field] === (existing as Record<string, unknown>)[field]) continue;
      // the owner rule needs the whole record: it is checked once the row has parsed (below)
      const p = partnerRefProblem(look, { [field]: fields[field] }, { orgUnitId: Number(fields.orgUnitId ?? 0), ownerUserId: null });
      if (p) issues.push(...apiErrorIssues(p, PATH, key));
    }
    // cells already reported stand in with a valid placeholder, so the schema's other checks (the
    // contract dates' order …) still run in this round
    const probe = { ...fields };
    for (const key of skip) {
      const field = Object.entries(refFields).find(([, k]) => k === key)?.[0] ?? key;
      if (field in PLACEHOLDER) probe[field] = PLACEHOLDER[field];
    }
    const parsed = partnerInput.safeParse(probe);
    if (!parsed.success) {
      const seen = new Set(issues.map((i) => i.columnKey));
      issues.push(...zodRowIssues(parsed.error, PATH).filter((i) => !(i.columnKey && (skip.has(i.columnKey) || seen.has(i.columnKey)))));
    }
    if (issues.length) throw new RowRejected(issues);
    if (skip.size || !parsed.success) throw new RowRejected([]);
    const input = parsed.data;
    if (!existing) {
      const p = partnerRefProblem(look, input, input);
      if (p) throw new RowRejected(apiErrorIssues(p, PATH, 'orgUnit'));
      stage.add([row.row, 'create', null, null, input.code, null, ...values(input, active(row, existing)), null, null]);
      return;
    }
    const before = { ...storedInput(existing), active: existing.active };
    const isActive = active(row, existing);
    const changes = changesOf(before, { ...input, active: isActive }, [...FIELDS, 'active']);
    if (changes.length === 0) {
      stage.add([row.row, 'unchanged', existing.id, existing.version, input.code, null, ...NONE, null, null]);
      return;
    }
    const patch: Record<string, unknown> = {};
    for (const c of changes) patch[c.column] = c.after;
    const p = partnerRefProblem(look, patch, input);
    if (p) throw new RowRejected(apiErrorIssues(p, PATH, 'orgUnit'));
    if (typeof patch.code === 'string') {
      const holder = codes.get(patch.code);
      if (holder && holder.id !== existing.id) throw new RowRejected([{ columnKey: 'code', reason: 'v.duplicate_code', params: { code: patch.code } }]);
    }
    const shown = changes.map((c) => ({ ...c, column: PATH[c.column] ?? c.column }));
    // the change log in the partner write's layout (partners.update logs the same): the changed fields, before and after
    const log = partnerLogDiff(before as PartnerValues, { ...input, active: isActive });
    stage.add([row.row, 'update', existing.id, existing.version, input.code, JSON.stringify(shown), ...values(input, isActive), JSON.stringify(log?.before ?? {}), JSON.stringify(log?.after ?? {})]);
  }

  return {
    plan(rows) {
      const idKeys: number[] = [];
      const codeKeys: string[] = [];
      for (const r of rows) {
        if (r.present.has('id') && typeof r.v.id === 'number') idKeys.push(r.v.id);
        if (r.present.has('code') && typeof r.v.code === 'string' && r.v.code) codeKeys.push(r.v.code);
      }
      const ids = load(byIds, idKeys, 'id');
      const codes = load(byCodes, codeKeys, 'code');
      const rejected: { row: ImportRow; issues: RowIssueLite[] }[] = [];
      client.transaction(() => {
        // one transaction per batch: the stage's inserts are cheaper together (TEMP, nothing durable)
        for (const r of rows) {
          try {
            planRow(r, ids, codes);
          } catch (e) {
            if (!(e instanceof RowRejected)) throw e;
            rejected.push({ row: r, issues: e.issues });
          }
        }
      })();
      return rejected;
    },
  };
}

/**
 * Writes the plan through the partner write of the master data (master/partnerWrite.ts), the
 * functions partners.create / update call for one row, here with the stage as their source: the
 * creates in file order, then the updates (each only if its version is still the one planned),
 * each with its change-log entry in the one layout.
 */
function write(ctx: OrgCtx, stage: Stage): void {
  const db = ctx.db.$client;
  const now = ctx.now().toISOString();
  const by = { userId: ctx.user.id, at: now };
  const from = (op: string): Source => ({ sql: `SELECT * FROM ${stage.table} WHERE op = '${op}'`, params: [], varies: true });
  insertPartnersFrom(db, now, by, from('create'));
  if (stage.total('update') === 0) return;
  // the fingerprint said nothing changed since the plan; a lost race still must not write
  updatePartnersFrom(db, by, from('update'), { stale: () => new ApiError('stale', 'A partner changed while importing; run the dry run again') });
}

/** the stage's value columns by sheet column: what a create writes, as the preview lists it */
const CREATE_VALUES = `s.code AS code, s.name AS name, s.channel_type_id AS channelType, s.org_unit_id AS orgUnit, s.owner_user_id AS owner,
  s.star_rating AS starRating, s.contract_start AS contractStart, s.contract_end AS contractEnd, s.status AS status,
  s.contact_name AS contactName, s.contact_phone AS contactPhone, s.bank_name AS bankName, s.bank_account AS bankAccount, s.active AS active`;
const CREATE_KEYS = ['code', 'name', 'channelType', 'orgUnit', 'owner', 'starRating', 'contractStart', 'contractEnd', 'status', 'contactName', 'contactPhone', 'bankName', 'bankAccount', 'active'] as const;

type PreviewRow = { rowno: number; op: PlannedRow['op']; rec_id: number | null; key: string; changes: string | null; recName: string | null } & Record<(typeof CREATE_KEYS)[number], unknown>;

/**
 * The preview's page, read from the stage when asked for: the name a row writes (an unchanged
 * row's stage holds no values — its name is the stored one, the same), the update's changed fields
 * as planned, and a create's values from the stage's value columns (empty ones left out).
 */
function previewPage(ctx: OrgCtx, stage: Stage, op: PlannedRow['op'] | undefined, offset: number, limit: number): PlannedRow[] {
  const rows = ctx.db.$client
    .prepare(
      `SELECT s.rowno, s.op, s.rec_id, s.key, s.changes, coalesce(s.name, p.name) AS recName, ${CREATE_VALUES}
       FROM ${stage.table} s LEFT JOIN partners p ON s.op = 'unchanged' AND p.id = s.rec_id
       ${op ? 'WHERE s.op = ?' : ''} ORDER BY s.rowno LIMIT ? OFFSET ?`,
    )
    .all(...(op ? [op] : []), limit, offset) as PreviewRow[];
  return rows.map((r) => {
    let changes: Change[] = [];
    if (r.op === 'update' && r.changes) changes = JSON.parse(r.changes) as Change[];
    else if (r.op === 'create') {
      for (const k of CREATE_KEYS) {
        const v = r[k];
        if (v !== null && v !== '') changes.push({ column: k, before: null, after: k === 'active' ? v === 1 : v });
      }
    }
    return { row: r.rowno, op: r.op, id: r.rec_id, key: r.key, name: r.recName, changes };
  });
}

function fingerprint(ctx: OrgCtx): string {
  const agg = (t: string) => `(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(active), 0) FROM ${t})`;
  const db = ctx.db.$client
    .prepare(`SELECT ${agg('partners')} || '|' || ${agg('org_units')} || '|' || ${agg('channel_types')} || '|' || ${agg('users')} || '|' || (SELECT count(*) FROM user_org_units)`)
    .pluck()
    .get() as string;
  return `${db}|${ctx.user.id}:${ctx.user.role}:${ctx.scope.json()}`;
}

async function* exportPages(ctx: OrgCtx, req: ExportRequest, refs: RefTables): AsyncIterable<Record<string, unknown>[]> {
  const q = pageQuery.parse({ ...(req.query ?? {}), includeInactive: req.includeInactive, limit: 5000 });
  const toRow = (p: ReturnType<typeof listPartners>['rows'][number]) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    channelType: p.channelTypeId,
    orgUnit: p.orgUnitId,
    owner: p.ownerUserId,
    starRating: p.starRating,
    contractStart: p.contractStart,
    contractEnd: p.contractEnd,
    status: p.status,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    bankName: p.bankName,
    bankAccount: p.bankAccount,
    updatedAt: p.updatedAt,
    active: p.active,
  });
  void refs; // references are shown by the exporter from the ids
  let cursor: string | undefined;
  for (;;) {
    const page = listPartners(ctx, { ...q, cursor });
    yield page.rows.map(toRow);
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

function example(refs: RefTables, locale: Locale): Record<string, unknown> {
  const unit = refs.orgUnits.recs.filter((r) => r.active && refs.scope.has(r.id)).at(-1);
  const ct = refs.channelTypes.recs.find((r) => r.active);
  return {
    code: 'P900001',
    name: locale === 'en' ? 'Sample Convenience Store' : '示例便利店',
    channelType: ct?.id ?? null,
    orgUnit: unit?.id ?? null,
    owner: null,
    starRating: 3,
    contractStart: '2025-01-01',
    contractEnd: '2025-12-31',
    status: 'cooperating',
    contactName: locale === 'en' ? 'Zhang San' : '张三',
    contactPhone: '13800000000',
    bankName: locale === 'en' ? 'ICBC Kunming Branch' : '工商银行昆明分行',
    bankAccount: '6222020200000000000',
    active: true,
  };
}

export const partnersKind: BulkKind = {
  kind: 'partners',
  strategy: 'bulk',
  label: { 'zh-CN': '渠道合作伙伴', en: 'Partners' },
  sheet: { 'zh-CN': '渠道合作伙伴', en: 'Partners' },
  columns,
  naturalKey: 'code',
  writeRoles: ['channel_staff', 'admin'],
  schema: partnerInput,
  refTables: ['orgUnits', 'channelTypes', 'users'],
  intro: {
    'zh-CN': '每行一个渠道合作伙伴。有 ID 或已存在的编码时更新该记录，否则新增。',
    en: 'One partner per row. A row with an ID or an existing code updates that partner; other rows create new ones.',
  },
  stageColumns: STAGE_COLUMNS,
  planner,
  fingerprint,
  write,
  previewPage,
  exportPages,
  example,
};
