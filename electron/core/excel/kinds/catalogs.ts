import type { z } from 'zod';
import { CONTROL_MODES, channelTypeInput, costTypeInput } from '../../../../shared/api/areas/master';
import type { Locale } from '../../../../shared/api/areas/common';
import type { OrgCtx } from '../../context';
import { catalogHandlers } from '../../master/catalogs';
import { activeColumn, changesOf, choicesOf, colHeader, createdFields, idColumn, masterLabels, RowRejected, zodRowIssues } from './common';
import type { RefTables } from './refs';
import { callSync, dropNulls, inGridOrder } from './service';
import type { Bilingual, ColumnDef, ExportRequest, ImportRow, RowOutcome, ServiceKind } from './types';

/**
 * Channel types and cost types: small catalogues, written row by row through the catalogue
 * service (channelTypes.create / .update / .setActive …) inside the import's transaction.
 */
const h = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

const codeCol: ColumnDef = { key: 'code', type: 'code', header: colHeader('code'), required: true, width: 12, help: h('编码，唯一；字母、数字、-、_、.。', 'Unique code: letters, digits, - _ .') };
const zhCol: ColumnDef = { key: 'nameZh', type: 'text', header: colHeader('nameZh'), required: true, width: 20, help: h('中文名称。', 'Name in Chinese.') };
const enCol: ColumnDef = { key: 'nameEn', type: 'text', header: colHeader('nameEn'), required: true, width: 24, help: h('英文名称。', 'Name in English.') };

type Row = { id: number; version: number; active: boolean; code: string } & Record<string, unknown>;
type Methods = {
  create: (i: never, ctx: OrgCtx) => unknown;
  update: (i: never, ctx: OrgCtx) => unknown;
  setActive: (i: never, ctx: OrgCtx) => unknown;
  list: (i: never, ctx: OrgCtx) => unknown;
};

interface CatalogSpec {
  kind: 'channelTypes' | 'costTypes';
  table: 'channel_types' | 'cost_types';
  label: Bilingual;
  schema: z.ZodObject;
  columns: ColumnDef[];
  /** API field → sheet column, where they differ */
  path: Record<string, string>;
  methods: Methods;
  example: (locale: Locale) => Record<string, unknown>;
}

function catalogKind(spec: CatalogSpec): ServiceKind {
  const fields = Object.keys(spec.schema.shape);
  const col = (f: string) => spec.path[f] ?? f;
  const SELECT = `SELECT * FROM ${spec.table}`;

  function applyRow(ctx: OrgCtx, row: ImportRow): RowOutcome {
    const c = ctx.db.$client;
    const idv = row.present.has('id') ? (row.v.id as number | null) : null;
    let existing: Row | undefined;
    if (idv !== null) {
      existing = c.prepare(`${SELECT} WHERE id = ?`).get(idv) as Row | undefined;
      if (!existing) throw new RowRejected([{ columnKey: 'id', reason: 'x.unknown_id', params: { id: idv } }]);
    } else if (row.present.has('code') && typeof row.v.code === 'string' && row.v.code) {
      existing = c.prepare(`${SELECT} WHERE code = ?`).get(row.v.code) as Row | undefined;
    }
    const current: Record<string, unknown> = {};
    if (existing) for (const f of fields) current[f] = f === 'requiresPreapproval' ? !!existing[toSnake(f)] : existing[toSnake(f)];
    const given: Record<string, unknown> = {};
    for (const f of fields) if (row.present.has(col(f))) given[f] = row.v[col(f)];
    const parsed = spec.schema.safeParse({ ...current, ...dropNulls(given) });
    if (!parsed.success) throw new RowRejected(zodRowIssues(parsed.error, Object.fromEntries(fields.map((f) => [f, col(f)]))));
    const input = parsed.data as Record<string, unknown>;
    const activeCell = row.present.has('active') ? (row.v.active as boolean | null) : null;
    const key = String(input.code);
    const name = { 'zh-CN': String(input.nameZh), en: String(input.nameEn) };
    if (!existing) {
      const made = callSync(spec.methods.create, input as never, ctx) as Row;
      if (activeCell === false) callSync(spec.methods.setActive, { id: made.id, version: made.version, active: false } as never, ctx);
      const written = Object.fromEntries([...fields.map((f) => [col(f), input[f]]), ['active', activeCell !== false]]);
      return { op: 'create', id: made.id, key, name, changes: createdFields(written) };
    }
    const active = activeCell ?? !!existing.active;
    const changes = changesOf({ ...current, active: !!existing.active }, { ...input, active }, [...fields, 'active']);
    if (changes.length === 0) return { op: 'unchanged', id: existing.id, key, name, changes };
    const patch = Object.fromEntries(changes.filter((x) => x.column !== 'active').map((x) => [x.column, x.after]));
    let version = existing.version;
    if (Object.keys(patch).length) version = (callSync(spec.methods.update, { id: existing.id, version, patch } as never, ctx) as Row).version;
    if (active !== !!existing.active) callSync(spec.methods.setActive, { id: existing.id, version, active } as never, ctx);
    return { op: 'update', id: existing.id, key, name, changes: changes.map((x) => ({ ...x, column: col(x.column) })) };
  }

  function* exportPages(ctx: OrgCtx, req: ExportRequest): Iterable<Record<string, unknown>[]> {
    const rows = callSync(spec.methods.list, { includeInactive: req.includeInactive || !!req.rowIds } as never, ctx) as Row[];
    yield inGridOrder(rows, req.rowIds).map((r) => {
      const o: Record<string, unknown> = { id: r.id, active: r.active };
      for (const f of fields) o[col(f)] = r[f];
      return o;
    });
  }

  return {
    kind: spec.kind,
    strategy: 'service',
    label: spec.label,
    sheet: spec.label,
    columns: spec.columns,
    naturalKey: 'code',
    writeRoles: ['admin'],
    schema: spec.schema,
    refTables: [],
    intro: h('每行一条。有 ID 或已存在的编码时更新该记录，否则新增。', 'One entry per row. A row with an ID or an existing code updates that entry; other rows create new ones.'),
    applyRow,
    exportPages,
    example: (_refs: RefTables, locale: Locale) => spec.example(locale),
  };
}

const toSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const channelTypesKind = catalogKind({
  kind: 'channelTypes',
  table: 'channel_types',
  label: h('渠道类型', 'Channel types'),
  schema: channelTypeInput,
  columns: [idColumn, codeCol, zhCol, enCol, activeColumn],
  path: {},
  methods: {
    create: catalogHandlers['channelTypes.create'] as never,
    update: catalogHandlers['channelTypes.update'] as never,
    setActive: catalogHandlers['channelTypes.setActive'] as never,
    list: catalogHandlers['channelTypes.list'] as never,
  },
  example: () => ({ code: 'COMMUNITY', nameZh: '社区渠道', nameEn: 'Community channel', active: true }),
});

export const costTypesKind = catalogKind({
  kind: 'costTypes',
  table: 'cost_types',
  label: h('费用类型', 'Cost types'),
  schema: costTypeInput,
  columns: [
    idColumn,
    codeCol,
    zhCol,
    enCol,
    { key: 'requiresPreapproval', type: 'bool', header: colHeader('requiresPreapproval'), list: 'choices', choices: activeColumn.choices, width: 10, help: h('是 = 使用前须先申请；留空为“是”。', 'Yes = must be applied for before use; empty means Yes.') },
    { key: 'receiptThreshold', type: 'money', header: colHeader('receiptThreshold'), width: 14, help: h('金额（元），达到此金额的核销须附票据，如 ¥1,000.00；留空为 0。', 'Amount in yuan at or above which claims need a receipt, e.g. ¥1,000.00; empty means 0.') },
    { key: 'defaultControl', type: 'enum', header: colHeader('defaultControl'), list: 'choices', choices: choicesOf(CONTROL_MODES, masterLabels.zh.control, masterLabels.en.control), width: 12, help: h('禁止超支、超支预警或不控制；留空为超支预警。', 'Block, Warn or None; empty means Warn.') },
    { key: 'defaultTolerance', type: 'bp', header: colHeader('defaultTolerance'), width: 12, help: h('百分比，最多两位小数，如 5 或 2.5；留空为 0。', 'A percentage with at most two decimals, e.g. 5 or 2.5; empty means 0.') },
    activeColumn,
  ],
  path: { receiptThresholdFen: 'receiptThreshold', defaultToleranceBp: 'defaultTolerance' },
  methods: {
    create: catalogHandlers['costTypes.create'] as never,
    update: catalogHandlers['costTypes.update'] as never,
    setActive: catalogHandlers['costTypes.setActive'] as never,
    list: catalogHandlers['costTypes.list'] as never,
  },
  example: () => ({
    code: 'SAMPLE',
    nameZh: '样品费',
    nameEn: 'Samples',
    requiresPreapproval: true,
    receiptThreshold: 100_000,
    defaultControl: 'warn',
    defaultTolerance: 500,
    active: true,
  }),
});
