import { and, asc, eq, inArray } from 'drizzle-orm';
import { ORG_KINDS, type OrgUnit } from '../../../shared/api/areas/master';
import { ApiError } from '../../../shared/api/errors';
import type { OrgCtx, Handlers } from '../context';
import { schema } from '../db/open';
import { assertUniqueCode, diff, logChange, notFound, updateVersioned } from './common';

const t = schema.orgUnits;
type Row = typeof t.$inferSelect;

export const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

export function toOrgUnit(r: Row): OrgUnit {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    kind: r.kind,
    parentId: r.parentId,
    pathIds: pathIds(r.path),
    managerUserId: r.managerUserId,
    active: r.active,
    version: r.version,
  };
}

function get(ctx: OrgCtx, id: number): Row {
  const r = ctx.db.select().from(t).where(eq(t.id, id)).get();
  if (!r) throw notFound('orgUnit', id);
  ctx.scope.require(r.id);
  return r;
}

/** A child must be of a deeper kind than its parent (company > branch > county > township > grid). */
function checkKind(parentKind: Row['kind'] | null, kind: Row['kind']): void {
  const depth = ORG_KINDS.indexOf(kind);
  if (parentKind === null ? kind !== 'company' : depth <= ORG_KINDS.indexOf(parentKind)) {
    throw new ApiError('validation', 'This kind of unit cannot sit under that parent', { kind }, [
      { path: 'kind', reason: 'v.org_kind', params: { kind } },
    ]);
  }
}

export const orgUnitHandlers: Handlers<'orgUnits.list' | 'orgUnits.create' | 'orgUnits.update' | 'orgUnits.setActive'> = {
  'orgUnits.list': (input, ctx) => {
    const ids = [...ctx.scope.ids()];
    if (ids.length === 0) return [];
    const where = input.includeInactive ? inArray(t.id, ids) : and(inArray(t.id, ids), eq(t.active, true));
    return ctx.db.select().from(t).where(where).orderBy(asc(t.path)).all().map(toOrgUnit);
  },
  'orgUnits.create': (input, ctx) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction((tx) => {
      let parentPath = '/';
      if (input.parentId === null) {
        if (tx.select({ id: t.id }).from(t).where(eq(t.kind, 'company')).get()) {
          throw new ApiError('validation', 'There is already a company root', undefined, [{ path: 'parentId', reason: 'v.required' }]);
        }
        checkKind(null, input.kind);
      } else {
        const parent = get(ctx, input.parentId);
        if (!parent.active) throw new ApiError('validation', 'The parent unit is deactivated', undefined, [{ path: 'parentId', reason: 'v.inactive_ref' }]);
        checkKind(parent.kind, input.kind);
        parentPath = parent.path;
      }
      assertUniqueCode(!!tx.select({ id: t.id }).from(t).where(eq(t.code, input.code)).get(), input.code);
      const row = tx.insert(t).values({ ...input, path: 'pending', createdAt: now, updatedAt: now }).returning().get();
      const path = `${parentPath}${row.id}/`;
      tx.update(t).set({ path }).where(eq(t.id, row.id)).run();
      logChange(tx, ctx, 'orgUnit', row.id, 'create', undefined, input);
      return toOrgUnit({ ...row, path });
    });
  },
  'orgUnits.update': (input, ctx) => {
    const now = ctx.now().toISOString();
    ctx.db.transaction((tx) => {
      const before = get(ctx, input.id);
      const { patch } = input;
      if (patch.kind && patch.kind !== before.kind) {
        const parent = before.parentId ? tx.select().from(t).where(eq(t.id, before.parentId)).get() : undefined;
        checkKind(parent?.kind ?? null, patch.kind);
        const child = tx.select({ kind: t.kind }).from(t).where(eq(t.parentId, before.id)).all();
        if (child.some((c) => ORG_KINDS.indexOf(c.kind) <= ORG_KINDS.indexOf(patch.kind!))) checkKind(patch.kind, patch.kind);
      }
      if (patch.code && patch.code !== before.code) {
        assertUniqueCode(!!tx.select({ id: t.id }).from(t).where(eq(t.code, patch.code)).get(), patch.code);
      }
      const d = diff(before as unknown as Record<string, unknown>, patch);
      updateVersioned(tx, t, input.id, input.version, patch, now);
      logChange(tx, ctx, 'orgUnit', input.id, 'update', d.before, d.after);
    });
    return toOrgUnit(get(ctx, input.id));
  },
  'orgUnits.setActive': (input, ctx) => {
    const now = ctx.now().toISOString();
    ctx.db.transaction((tx) => {
      const row = get(ctx, input.id);
      if (!input.active) {
        const child = tx.select({ id: t.id }).from(t).where(and(eq(t.parentId, row.id), eq(t.active, true))).get();
        if (child) throw new ApiError('has_active_children', 'Deactivate the units below this one first');
      } else if (row.parentId) {
        const parent = tx.select().from(t).where(eq(t.id, row.parentId)).get();
        if (parent && !parent.active) throw new ApiError('validation', 'The parent unit is deactivated', undefined, [{ path: 'parentId', reason: 'v.inactive_ref' }]);
      }
      updateVersioned(tx, t, input.id, input.version, { active: input.active }, now);
      logChange(tx, ctx, 'orgUnit', input.id, input.active ? 'activate' : 'deactivate', undefined, { active: input.active });
    });
    return toOrgUnit(get(ctx, input.id));
  },
};
