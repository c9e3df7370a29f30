import { and, asc, eq, ne } from 'drizzle-orm';
import type { ChannelType, CostType } from '../../../shared/api/areas/master';
import type { AuthedCtx, Handlers } from '../context';
import { schema } from '../db/open';
import { assertUniqueCode, diff, logChange, notFound, updateVersioned } from './common';

/**
 * Channel types and cost types: small coded catalogues, same life cycle (create, edit,
 * deactivate — never deleted, since partners, budget lines and documents refer to them).
 */
type CatalogTable = typeof schema.channelTypes | typeof schema.costTypes;

function catalog<Row extends { id: number; code: string; version: number; active: boolean }>(table: CatalogTable, entity: string) {
  const t = table as typeof schema.channelTypes; // both tables share id/code/active/version columns
  const get = (ctx: AuthedCtx, id: number): Row => {
    const r = ctx.db.select().from(t).where(eq(t.id, id)).get() as unknown as Row | undefined;
    if (!r) throw notFound(entity, id);
    return r;
  };
  const strip = (r: Row): Row => {
    const { createdAt: _c, updatedAt: _u, ...rest } = r as Row & { createdAt?: string; updatedAt?: string };
    return rest as Row;
  };
  return {
    list(ctx: AuthedCtx, includeInactive: boolean): Row[] {
      const q = ctx.db.select().from(t);
      const rows = (includeInactive ? q : q.where(eq(t.active, true))).orderBy(asc(t.code)).all();
      return (rows as unknown as Row[]).map(strip);
    },
    create(ctx: AuthedCtx, input: Record<string, unknown> & { code: string }): Row {
      const now = ctx.now().toISOString();
      return ctx.db.transaction((tx) => {
        assertUniqueCode(!!tx.select({ id: t.id }).from(t).where(eq(t.code, input.code)).get(), input.code);
        const row = tx.insert(t).values({ ...input, createdAt: now, updatedAt: now } as never).returning().get() as unknown as Row;
        logChange(tx, ctx, entity, row.id, 'create', undefined, input);
        return strip(row);
      });
    },
    update(ctx: AuthedCtx, id: number, version: number, patch: Record<string, unknown>): Row {
      const now = ctx.now().toISOString();
      ctx.db.transaction((tx) => {
        const before = get(ctx, id) as unknown as Record<string, unknown>;
        if (typeof patch.code === 'string' && patch.code !== before.code) {
          assertUniqueCode(!!tx.select({ id: t.id }).from(t).where(and(eq(t.code, patch.code), ne(t.id, id))).get(), patch.code);
        }
        const d = diff(before, patch);
        updateVersioned(tx, t, id, version, patch, now);
        logChange(tx, ctx, entity, id, 'update', d.before, d.after);
      });
      return strip(get(ctx, id));
    },
    setActive(ctx: AuthedCtx, id: number, version: number, active: boolean): Row {
      const now = ctx.now().toISOString();
      ctx.db.transaction((tx) => {
        updateVersioned(tx, t, id, version, { active }, now);
        logChange(tx, ctx, entity, id, active ? 'activate' : 'deactivate', undefined, { active });
      });
      return strip(get(ctx, id));
    },
  };
}

const channelTypes = catalog<ChannelType>(schema.channelTypes, 'channelType');
const costTypes = catalog<CostType>(schema.costTypes, 'costType');

export const catalogHandlers: Handlers<
  | 'channelTypes.list'
  | 'channelTypes.create'
  | 'channelTypes.update'
  | 'channelTypes.setActive'
  | 'costTypes.list'
  | 'costTypes.create'
  | 'costTypes.update'
  | 'costTypes.setActive'
> = {
  'channelTypes.list': (i, ctx) => channelTypes.list(ctx, i.includeInactive),
  'channelTypes.create': (i, ctx) => channelTypes.create(ctx, i),
  'channelTypes.update': (i, ctx) => channelTypes.update(ctx, i.id, i.version, i.patch),
  'channelTypes.setActive': (i, ctx) => channelTypes.setActive(ctx, i.id, i.version, i.active),
  'costTypes.list': (i, ctx) => costTypes.list(ctx, i.includeInactive),
  'costTypes.create': (i, ctx) => costTypes.create(ctx, i),
  'costTypes.update': (i, ctx) => costTypes.update(ctx, i.id, i.version, i.patch),
  'costTypes.setActive': (i, ctx) => costTypes.setActive(ctx, i.id, i.version, i.active),
};
