import { ORG_KINDS, orgUnitInput, type OrgUnit } from '../../../../shared/api/areas/master';
import type { Locale } from '../../../../shared/api/areas/common';
import type { OrgCtx } from '../../context';
import { orgUnitHandlers } from '../../master/orgUnits';
import { activeColumn, changesOf, choicesOf, colHeader, createdFields, idColumn, masterLabels, refId, RowRejected, zodRowIssues } from './common';
import { reloadRef, type RefTables } from './refs';
import { callSync, inGridOrder } from './service';
import type { Bilingual, ColumnDef, ExportRequest, ImportRow, RowOutcome, ServiceKind } from './types';

/**
 * Org units, written through orgUnits.create / .update / .setActive. A row may name as parent a
 * unit created by an earlier row of the same file (parents first, as exports list them). Every
 * export carries the parent column (roundTrip), also from the org tree, which shows the parent by
 * indenting rather than as a column — so a row added to an export creates a unit under its parent.
 * Moving a unit to another parent is not something the API offers (orgUnits.update has no
 * parentId), so neither does the import: a changed parent rejects the row (x.parent_change).
 */
const h = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });
const PATH = { parentId: 'parent', managerUserId: 'manager' };
const FIELDS = ['code', 'nameZh', 'nameEn', 'kind', 'parentId', 'managerUserId'] as const;

const columns: ColumnDef[] = [
  idColumn,
  { key: 'code', type: 'code', header: colHeader('code'), required: true, width: 14, help: h('组织编码，唯一。', 'Unique org unit code.') },
  { key: 'nameZh', type: 'text', header: colHeader('nameZh'), required: true, width: 20, help: h('中文名称。', 'Name in Chinese.') },
  { key: 'nameEn', type: 'text', header: colHeader('nameEn'), required: true, width: 24, help: h('英文名称。', 'Name in English.') },
  { key: 'kind', type: 'enum', header: colHeader('kind'), required: true, list: 'choices', choices: choicesOf(ORG_KINDS, masterLabels.zh.orgKind, masterLabels.en.orgKind), width: 12, help: h('公司、分公司、县区、乡镇营业部或网格；须比上级低一级或更多。', 'Company, Branch, County, Township office or Grid; deeper than its parent.') },
  {
    key: 'parent',
    type: 'ref',
    header: colHeader('parent'),
    aliases: ['上级组织', '上级编码', '上级组织编码', 'Parent unit', 'Parent code'],
    required: true,
    roundTrip: true,
    list: 'orgUnits',
    width: 22,
    help: h(
      '上级组织编码（只有公司可以没有上级）。上级须已存在或排在下级之前。导入只能在上级下新增组织，不能把已有组织移到另一个上级。',
      'Code of the parent unit (only the company has none); it must exist or come earlier in the file. An import creates units under their parent but cannot move an existing unit to another parent.',
    ),
  },
  { key: 'manager', type: 'ref', header: colHeader('manager'), list: 'users', width: 14, help: h('负责人用户名，可留空。', 'Username of the manager; may be empty.') },
  activeColumn,
];

type Stored = { id: number; version: number; active: number; code: string; name_zh: string; name_en: string; kind: string; parent_id: number | null; manager_user_id: number | null };

function applyRow(ctx: OrgCtx, row: ImportRow, refs: RefTables): RowOutcome {
  const c = ctx.db.$client;
  const idv = row.present.has('id') ? (row.v.id as number | null) : null;
  let existing: Stored | undefined;
  if (idv !== null) {
    existing = c.prepare('SELECT * FROM org_units WHERE id = ?').get(idv) as Stored | undefined;
    if (!existing) throw new RowRejected([{ columnKey: 'id', reason: 'x.unknown_id', params: { id: idv } }]);
  } else if (typeof row.v.code === 'string' && row.v.code) {
    existing = c.prepare('SELECT * FROM org_units WHERE code = ?').get(row.v.code) as Stored | undefined;
  }
  const current: Record<string, unknown> = existing
    ? { code: existing.code, nameZh: existing.name_zh, nameEn: existing.name_en, kind: existing.kind, parentId: existing.parent_id, managerUserId: existing.manager_user_id }
    : {};
  const given: Record<string, unknown> = {};
  for (const k of ['code', 'nameZh', 'nameEn', 'kind'] as const) if (row.present.has(k) && row.v[k] !== null) given[k] = row.v[k];
  if (row.present.has('parent')) given.parentId = refId(row, 'parent', refs.orgUnits);
  if (row.present.has('manager')) given.managerUserId = refId(row, 'manager', refs.users);
  const parsed = orgUnitInput.safeParse({ ...current, ...given });
  if (!parsed.success) throw new RowRejected(zodRowIssues(parsed.error, PATH));
  const input = parsed.data;
  const name = { 'zh-CN': input.nameZh, en: input.nameEn };
  const activeCell = row.present.has('active') ? (row.v.active as boolean | null) : null;
  if (!existing) {
    const made = callSync(orgUnitHandlers['orgUnits.create'], input, ctx) as OrgUnit;
    if (activeCell === false) callSync(orgUnitHandlers['orgUnits.setActive'], { id: made.id, version: made.version, active: false }, ctx);
    reloadRef(ctx, refs, 'orgUnits'); // later rows may name it as their parent
    // references shown now: a parent created by an earlier row exists only in this transaction
    const loc = ctx.user.locale;
    const written: Record<string, unknown> = {
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      kind: input.kind,
      parent: input.parentId === null ? null : refs.orgUnits.display(input.parentId, loc),
      manager: input.managerUserId === null ? null : refs.users.display(input.managerUserId, loc),
      active: activeCell !== false,
    };
    return { op: 'create', id: made.id, key: input.code, name, changes: createdFields(written) };
  }
  const active = activeCell ?? !!existing.active;
  const changes = changesOf({ ...current, active: !!existing.active }, { ...input, active }, [...FIELDS, 'active']);
  if (changes.length === 0) return { op: 'unchanged', id: existing.id, key: input.code, name, changes };
  if (changes.some((x) => x.column === 'parentId')) {
    const parentNow = existing.parent_id === null ? '' : refs.orgUnits.display(existing.parent_id, ctx.user.locale);
    throw new RowRejected([{ columnKey: 'parent', reason: 'x.parent_change', params: { parent: parentNow || '—' } }]);
  }
  const patch = Object.fromEntries(changes.filter((x) => x.column !== 'active').map((x) => [x.column, x.after]));
  let version = existing.version;
  if (Object.keys(patch).length) version = (callSync(orgUnitHandlers['orgUnits.update'], { id: existing.id, version, patch }, ctx) as OrgUnit).version;
  if (active !== !!existing.active) callSync(orgUnitHandlers['orgUnits.setActive'], { id: existing.id, version, active }, ctx);
  if (patch.code) reloadRef(ctx, refs, 'orgUnits');
  return { op: 'update', id: existing.id, key: input.code, name, changes: changes.map((x) => ({ ...x, column: PATH[x.column as keyof typeof PATH] ?? x.column })) };
}

function* exportPages(ctx: OrgCtx, req: ExportRequest): Iterable<Record<string, unknown>[]> {
  const rows = callSync(orgUnitHandlers['orgUnits.list'], { includeInactive: req.includeInactive || !!req.rowIds }, ctx) as OrgUnit[];
  yield inGridOrder(rows, req.rowIds).map((u) => ({
    id: u.id,
    code: u.code,
    nameZh: u.nameZh,
    nameEn: u.nameEn,
    kind: u.kind,
    parent: u.parentId,
    manager: u.managerUserId,
    active: u.active,
  }));
}

function example(refs: RefTables, locale: Locale): Record<string, unknown> {
  const parent = refs.orgUnits.recs.find((r) => r.active && refs.scope.has(r.id));
  void locale;
  return { code: 'KM-NEW', nameZh: '新区营业部', nameEn: 'New District Office', kind: 'county', parent: parent?.id ?? null, manager: null, active: true };
}

export const orgUnitsKind: ServiceKind = {
  kind: 'orgUnits',
  strategy: 'service',
  label: h('组织', 'Org units'),
  sheet: h('组织', 'Org units'),
  columns,
  naturalKey: 'code',
  writeRoles: ['admin'],
  schema: orgUnitInput,
  refTables: ['orgUnits', 'users'],
  intro: h(
    '每行一个组织。有 ID 或已存在的编码时更新该组织，否则新增；上级须已存在或在文件中排在前面。',
    'One org unit per row. A row with an ID or an existing code updates that unit; others create units, whose parent must exist or come earlier in the file.',
  ),
  applyRow,
  exportPages,
  example,
};
