import { ROLES } from '../../../../shared/api/define';
import { userInput, type UserRow } from '../../../../shared/api/areas/master';
import type { Locale } from '../../../../shared/api/areas/common';
import type { OrgCtx } from '../../context';
import { insertUser, userHandlers } from '../../master/users';
import { activeColumn, changesOf, choicesOf, colHeader, createdFields, idColumn, refIssue, roleLabels, RowRejected, zodRowIssues } from './common';
import type { RefTables } from './refs';
import { callSync, inGridOrder } from './service';
import type { Bilingual, ColumnDef, ExportRequest, ImportRow, RowOutcome, ServiceKind } from './types';

/**
 * Users, without passwords. Existing users are updated through users.update / users.setActive.
 * A new user from an import is created with a password hash that no password matches (NO_PASSWORD):
 * the account exists, holds its role and org units, and can be chosen as an owner, but nobody can
 * sign in with it until an administrator sets a password (Users → Reset password). The dry run and
 * the commit say how many such users there are (note x.users_need_password).
 */
export const NO_PASSWORD = '!imported-without-password';

const h = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });
const FIELDS = ['username', 'displayName', 'role', 'locale', 'orgUnitIds'] as const;
const schema = userInput.omit({ password: true });

const columns: ColumnDef[] = [
  idColumn,
  { key: 'username', type: 'code', header: colHeader('username'), required: true, width: 14, help: h('用户名，唯一；字母、数字、_ . -。导入不含密码：新用户须由管理员设置密码后才能登录。', 'Unique username: letters, digits, _ . -. Imports carry no passwords: new users sign in once an administrator sets one.') },
  { key: 'displayName', type: 'text', header: colHeader('displayName'), required: true, width: 14, help: h('姓名。', 'Full name.') },
  { key: 'role', type: 'enum', header: colHeader('role'), required: true, list: 'choices', choices: choicesOf(ROLES, roleLabels.zh, roleLabels.en), width: 12, help: h('渠道经理、审批人、财务或管理员。', 'Channel staff, Approver, Finance or Administrator.') },
  { key: 'locale', type: 'enum', header: colHeader('locale'), list: 'choices', choices: [{ value: 'zh-CN', labels: ['中文', 'Chinese', 'zh'] }, { value: 'en', labels: ['English', '英文', '英语'] }], width: 9, help: h('中文或 English；留空为中文。', 'Chinese or English; empty means Chinese.') },
  { key: 'orgUnits', type: 'refs', header: colHeader('orgUnits'), required: true, list: 'orgUnits', width: 24, help: h('负责的组织编码，多个用逗号分隔。', 'Codes of the org units the user works for, separated by commas.') },
  activeColumn,
];

type Stored = { id: number; username: string; version: number; active: number };

function applyRow(ctx: OrgCtx, row: ImportRow, refs: RefTables): RowOutcome {
  const c = ctx.db.$client;
  const idv = row.present.has('id') ? (row.v.id as number | null) : null;
  let stored: Stored | undefined;
  if (idv !== null) {
    stored = c.prepare('SELECT id, username, version, active FROM users WHERE id = ?').get(idv) as Stored | undefined;
    if (!stored) throw new RowRejected([{ columnKey: 'id', reason: 'x.unknown_id', params: { id: idv } }]);
  } else if (typeof row.v.username === 'string' && row.v.username) {
    stored = c.prepare('SELECT id, username, version, active FROM users WHERE lower(username) = lower(?)').get(row.v.username) as Stored | undefined;
  }
  // users.list's view of the user: also decides whether the caller may see (and so change) them
  const existing = stored ? (callSync(userHandlers['users.list'], { includeInactive: true }, ctx) as UserRow[]).find((u) => u.id === stored!.id) : undefined;
  if (stored && !existing) throw new RowRejected([{ columnKey: null, reason: 'x.not_found' }]);
  const current: Record<string, unknown> = existing ? { username: existing.username, displayName: existing.displayName, role: existing.role, locale: existing.locale, orgUnitIds: existing.orgUnitIds } : {};
  const given: Record<string, unknown> = {};
  for (const k of ['username', 'displayName', 'role', 'locale'] as const) if (row.present.has(k) && row.v[k] !== null) given[k] = row.v[k];
  if (row.present.has('orgUnits')) {
    const ids: number[] = [];
    for (const text of (row.v.orgUnits as string[] | null) ?? []) {
      const r = refs.orgUnits.resolve(text);
      if ('reason' in r) throw new RowRejected([refIssue('orgUnits', r.reason, text, refs.orgUnits)]);
      ids.push(r.rec.id);
    }
    given.orgUnitIds = [...new Set(ids)].sort((a, b) => a - b);
  }
  const parsed = schema.safeParse({ ...current, ...given });
  if (!parsed.success) throw new RowRejected(zodRowIssues(parsed.error, { orgUnitIds: 'orgUnits' }));
  const input = parsed.data;
  const activeCell = row.present.has('active') ? (row.v.active as boolean | null) : null;
  const name = input.displayName;
  if (!existing) {
    const id = ctx.db.transaction((tx) => insertUser(tx, { ...ctx }, input, NO_PASSWORD));
    if (activeCell === false) {
      const u = c.prepare('SELECT version FROM users WHERE id = ?').get(id) as { version: number };
      callSync(userHandlers['users.setActive'], { id, version: u.version, active: false }, ctx);
    }
    const written = { username: input.username, displayName: input.displayName, role: input.role, locale: input.locale, orgUnits: input.orgUnitIds, active: activeCell !== false };
    return { op: 'create', id, key: input.username, name, changes: createdFields(written) };
  }
  if (input.username !== existing.username) throw new RowRejected([{ columnKey: 'username', reason: 'x.username_change' }]);
  const active = activeCell ?? existing.active;
  const changes = changesOf({ ...current, active: existing.active }, { ...input, active }, [...FIELDS, 'active']);
  if (changes.length === 0) return { op: 'unchanged', id: existing.id, key: input.username, name, changes };
  const patch = Object.fromEntries(changes.filter((x) => x.column !== 'active').map((x) => [x.column, x.after]));
  let version = existing.version;
  if (Object.keys(patch).length) version = (callSync(userHandlers['users.update'], { id: existing.id, version, patch }, ctx) as UserRow).version;
  if (active !== existing.active) callSync(userHandlers['users.setActive'], { id: existing.id, version, active }, ctx);
  return { op: 'update', id: existing.id, key: input.username, name, changes: changes.map((x) => ({ ...x, column: x.column === 'orgUnitIds' ? 'orgUnits' : x.column })) };
}

function* exportPages(ctx: OrgCtx, req: ExportRequest): Iterable<Record<string, unknown>[]> {
  const rows = callSync(userHandlers['users.list'], { includeInactive: req.includeInactive || !!req.rowIds }, ctx) as UserRow[];
  yield inGridOrder(rows, req.rowIds).map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    locale: u.locale,
    orgUnits: u.orgUnitIds,
    active: u.active,
  }));
}

function example(refs: RefTables, locale: Locale): Record<string, unknown> {
  const unit = refs.orgUnits.recs.find((r) => r.active && refs.scope.has(r.id));
  return { username: 'liuyang', displayName: locale === 'en' ? 'Liu Yang' : '刘洋', role: 'channel_staff', locale: 'zh-CN', orgUnits: unit ? [unit.id] : [], active: true };
}

export const usersKind: ServiceKind = {
  kind: 'users',
  strategy: 'service',
  label: h('用户', 'Users'),
  sheet: h('用户', 'Users'),
  columns,
  naturalKey: 'username',
  writeRoles: ['admin'],
  schema,
  refTables: ['orgUnits'],
  intro: h(
    '每行一个用户，不含密码。已有用户按 ID 或用户名更新；新用户由管理员设置密码后才能登录。',
    'One user per row, without passwords. Existing users are updated by ID or username; new users can sign in once an administrator sets their password.',
  ),
  applyRow,
  notes: (outcomes) => {
    const n = outcomes.filter((o) => o.op === 'create').length;
    return n ? [{ reason: 'x.users_need_password', params: { count: n } }] : [];
  },
  exportPages,
  example,
};
