import { and, eq, inArray } from 'drizzle-orm';
import type { Handover, Partner } from '../../../shared/api/areas/master';
import { ApiError } from '../../../shared/api/errors';
import type { OrgCtx, Handlers } from '../context';
import { userCovers } from '../auth/scope';
import { schema, type Db, type Tx } from '../db/open';
import { assertUniqueCode, logChange, notFound, staleRecord } from './common';
import { insertPartnersFrom, one, partnerLogDiff, reassignPartners, updatePartnersFrom, type PartnerValues } from './partnerWrite';
import { handoverSheet, moveOpenWork, openWorkUnits } from '../documents/handover';
import { buildPageQuery, encodeCursor, type ColumnSpec } from './paging';
import { stmt } from '../db/stmt';

const t = schema.partners;

/**
 * Grid columns the server can sort and filter by. Reference columns filter by id (the grid's set
 * filter picks records) and sort by what the grid shows: channel type and org unit by their name
 * in the caller's language, the owner by display name (no owner first). Codes break ties through
 * the id that ends every sort.
 */
export function partnerColumns(locale: 'zh-CN' | 'en'): Record<string, ColumnSpec> {
  const nameCol = locale === 'en' ? 'name_en' : 'name_zh';
  return {
    ...PARTNER_COLUMNS,
    channelTypeId: { ...PARTNER_COLUMNS.channelTypeId!, sortExpr: `(SELECT c.${nameCol} FROM channel_types c WHERE c.id = p.channel_type_id)` },
    orgUnitId: { ...PARTNER_COLUMNS.orgUnitId!, sortExpr: `(SELECT o.${nameCol} FROM org_units o WHERE o.id = p.org_unit_id)` },
    ownerUserId: { ...PARTNER_COLUMNS.ownerUserId!, sortExpr: `coalesce((SELECT u.display_name FROM users u WHERE u.id = p.owner_user_id), '')` },
  };
}

export const PARTNER_COLUMNS: Record<string, ColumnSpec> = {
  code: { expr: 'p.code', kind: 'text' },
  name: { expr: 'p.name', kind: 'text' },
  channelTypeId: { expr: 'p.channel_type_id', kind: 'number' },
  orgUnitId: { expr: 'p.org_unit_id', kind: 'number' },
  ownerUserId: { expr: 'coalesce(p.owner_user_id, 0)', kind: 'number' },
  starRating: { expr: 'p.star_rating', kind: 'number' },
  contractStart: { expr: "coalesce(p.contract_start, '')", kind: 'text' },
  contractEnd: { expr: "coalesce(p.contract_end, '')", kind: 'text' },
  status: { expr: 'p.status', kind: 'text' },
  contactName: { expr: 'p.contact_name', kind: 'text' },
  contactPhone: { expr: 'p.contact_phone', kind: 'text' },
  bankName: { expr: 'p.bank_name', kind: 'text' },
  bankAccount: { expr: 'p.bank_account', kind: 'text' },
  updatedAt: { expr: 'p.updated_at', kind: 'text' },
  active: { expr: 'p.active', kind: 'number' },
};

const SELECT = `SELECT p.id, p.code, p.name, p.channel_type_id AS channelTypeId, p.org_unit_id AS orgUnitId,
  p.owner_user_id AS ownerUserId, ou.display_name AS ownerName, p.star_rating AS starRating, p.contract_start AS contractStart,
  p.contract_end AS contractEnd, p.status, p.contact_name AS contactName, p.contact_phone AS contactPhone,
  p.bank_name AS bankName, p.bank_account AS bankAccount, p.active, p.version, p.updated_at AS updatedAt
  FROM partners p LEFT JOIN users ou ON ou.id = p.owner_user_id`;

type RawPartner = Omit<Partner, 'active'> & { active: number | boolean };
const toPartner = (r: RawPartner): Partner => ({ ...r, active: !!r.active });

export function listPartners(ctx: OrgCtx, q: Parameters<Handlers<'partners.list'>['partners.list']>[0]) {
  const client = ctx.db.$client;
  const scope = ctx.scope.sql('p.org_unit_id');
  const base = { where: [...scope.where, ...(q.includeInactive ? [] : ['p.active = 1'])], params: scope.params };
  const quick = ['p.code', 'p.name', 'p.contact_name', 'p.contact_phone'];
  const columns = partnerColumns(ctx.user.locale);
  const built = buildPageQuery(q, columns, 'p.id', quick, base, { colId: 'code', sort: 'asc' });
  const cols = built.keyExprs.map((e, i) => `${e} AS k${i}`).join(', ');
  const rows = client
    .prepare(`SELECT * FROM (${SELECT.replace('FROM partners p', `, ${cols} FROM partners p`)} ${built.where} ${built.orderBy} LIMIT ? OFFSET ?)`)
    .all(...built.params, q.limit, q.cursor ? 0 : q.offset) as (RawPartner & Record<string, unknown>)[];
  const counted = q.cursor ? buildPageQuery({ ...q, cursor: undefined }, columns, 'p.id', quick, base, { colId: 'code', sort: 'asc' }) : built;
  const total = client.prepare(`SELECT count(*) FROM partners p ${counted.where}`).pluck().get(...counted.params) as number;
  const last = rows.at(-1);
  const nextCursor = last && rows.length === q.limit ? encodeCursor(built.keyExprs.map((_, i) => last[`k${i}`])) : null;
  return {
    rows: rows.map((r) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (!/^k\d+$/.test(k)) out[k] = v;
      return toPartner(out as RawPartner);
    }),
    total,
    nextCursor,
  };
}

function getRow(db: Tx | Db, id: number) {
  const r = db.select().from(t).where(eq(t.id, id)).get();
  if (!r) throw notFound('partner', id);
  return r;
}

/** A partner as the API answers it, with its owner's name (the list's own query, for one id). */
function dto(ctx: OrgCtx, id: number): Partner {
  const r = stmt(ctx.db.$client, `${SELECT} WHERE p.id = ?`).get(id) as RawPartner | undefined;
  if (!r) throw notFound('partner', id);
  return toPartner(r);
}

/** What the reference rules read: the API asks the database, the Excel importer its preloaded lookups. */
export interface PartnerRefLookup {
  channelType(id: number): { active: boolean } | undefined;
  orgUnit(id: number): { active: boolean } | undefined;
  user(id: number): { active: boolean } | undefined;
  inScope(orgUnitId: number): boolean;
  /** the caller's out_of_scope refusal (Scope.error) */
  outOfScope(orgUnitId: number): ApiError;
  /** whether the user's own scope covers the unit (auth/scope.ts userCovers) */
  userSees(userId: number, orgUnitId: number): boolean;
}

/**
 * The reference rules of a partner, in one place for the API and the importer: the channel type,
 * org unit and owner must exist and be active, and the org unit be inside the caller's scope.
 * The owner must be someone who works for the partner: a user whose own scope covers the
 * partner's org unit (a channel manager of that unit or above it; never a user of a sibling
 * branch, who could not even open the partner). Checked on the record as it will be (`whole`)
 * whenever the patch changes the org unit or the owner, so moving a partner cannot leave it with
 * an owner who no longer sees it. Only the fields given are checked otherwise. Returns the failure or null.
 */
export function partnerRefProblem(
  look: PartnerRefLookup,
  p: { channelTypeId?: number; orgUnitId?: number; ownerUserId?: number | null },
  whole: { orgUnitId: number; ownerUserId: number | null },
): ApiError | null {
  if (p.channelTypeId !== undefined && !look.channelType(p.channelTypeId)?.active) {
    return new ApiError('validation', 'Unknown or inactive channel type', undefined, [{ path: 'channelTypeId', reason: 'v.inactive_ref' }]);
  }
  if (p.orgUnitId !== undefined) {
    if (!look.orgUnit(p.orgUnitId)?.active) {
      return new ApiError('validation', 'Unknown or inactive org unit', undefined, [{ path: 'orgUnitId', reason: 'v.inactive_ref' }]);
    }
    if (!look.inScope(p.orgUnitId)) return look.outOfScope(p.orgUnitId);
  }
  if (p.ownerUserId !== undefined && p.ownerUserId !== null && !look.user(p.ownerUserId)?.active) {
    return new ApiError('validation', 'Unknown or inactive owner', undefined, [{ path: 'ownerUserId', reason: 'v.inactive_ref' }]);
  }
  const moved = p.orgUnitId !== undefined || p.ownerUserId !== undefined;
  if (moved && whole.ownerUserId !== null && !look.userSees(whole.ownerUserId, whole.orgUnitId)) {
    return new ApiError('validation', 'The owner does not work for this org unit', undefined, [{ path: 'ownerUserId', reason: 'v.owner_scope' }]);
  }
  return null;
}

/** References must exist, be active, and (org unit, owner) be inside the caller's scope. */
function checkRefs(
  tx: Tx,
  ctx: OrgCtx,
  p: { channelTypeId?: number; orgUnitId?: number; ownerUserId?: number | null },
  whole: { orgUnitId: number; ownerUserId: number | null },
) {
  const client = ctx.db.$client;
  const problem = partnerRefProblem(
    {
      channelType: (id) => tx.select().from(schema.channelTypes).where(eq(schema.channelTypes.id, id)).get(),
      orgUnit: (id) => tx.select().from(schema.orgUnits).where(eq(schema.orgUnits.id, id)).get(),
      user: (id) => tx.select().from(schema.users).where(eq(schema.users.id, id)).get(),
      inScope: (id) => ctx.scope.has(id),
      outOfScope: (id) => ctx.scope.error(id),
      userSees: (userId, orgUnitId) => userCovers(client, userId, [orgUnitId]),
    },
    p,
    whole,
  );
  if (problem) throw problem;
}

export function createPartner(tx: Tx, ctx: OrgCtx, input: Parameters<Handlers<'partners.create'>['partners.create']>[0]): Partner {
  const now = ctx.now().toISOString();
  checkRefs(tx, ctx, input, input);
  assertUniqueCode(!!tx.select({ id: t.id }).from(t).where(eq(t.code, input.code)).get(), input.code);
  const { firstId } = insertPartnersFrom(ctx.db.$client, now, { userId: ctx.user.id, at: now }, one({ ...input, active: true }));
  return dto(ctx, firstId);
}

export function updatePartner(
  tx: Tx,
  ctx: OrgCtx,
  input: Parameters<Handlers<'partners.update'>['partners.update']>[0],
): Partner {
  const before = getRow(tx, input.id);
  ctx.scope.require(before.orgUnitId);
  const p = input.patch;
  checkRefs(tx, ctx, p, { orgUnitId: p.orgUnitId ?? before.orgUnitId, ownerUserId: p.ownerUserId !== undefined ? p.ownerUserId : before.ownerUserId });
  const start = p.contractStart !== undefined ? p.contractStart : before.contractStart;
  const end = p.contractEnd !== undefined ? p.contractEnd : before.contractEnd;
  if (start && end && start > end) {
    throw new ApiError('validation', 'Contract end is before its start', undefined, [{ path: 'contractEnd', reason: 'v.contract_dates' }]);
  }
  if (p.code && p.code !== before.code) assertUniqueCode(!!tx.select({ id: t.id }).from(t).where(eq(t.code, p.code)).get(), p.code);
  const after: PartnerValues = { ...before };
  for (const [k, v] of Object.entries(p)) if (v !== undefined) (after as Record<string, unknown>)[k] = v;
  const d = partnerLogDiff(before, after) ?? { before: {}, after: {} };
  const now = ctx.now().toISOString();
  const rec = { id: input.id, version: input.version, logBefore: JSON.stringify(d.before), logAfter: JSON.stringify(d.after) };
  updatePartnersFrom(ctx.db.$client, { userId: ctx.user.id, at: now }, one(after, rec), { stale: () => staleRecord(input.id) });
  return dto(ctx, input.id);
}

export const partnerHandlers: Handlers<
  | 'partners.list' | 'partners.get' | 'partners.create' | 'partners.update' | 'partners.setActive' | 'partners.handover' | 'partners.handovers'
  | 'partners.handoverSheet' | 'partners.acknowledgeHandover'
> = {
  'partners.list': (q, ctx) => listPartners(ctx, q),
  'partners.get': (i, ctx) => {
    const r = dto(ctx, i.id);
    ctx.scope.require(r.orgUnitId);
    return r;
  },
  'partners.create': (i, ctx) => ctx.db.transaction((tx) => createPartner(tx, ctx, i)),
  'partners.update': (i, ctx) => ctx.db.transaction((tx) => updatePartner(tx, ctx, i)),
  'partners.setActive': (i, ctx) =>
    ctx.db.transaction((tx) => {
      const r = getRow(tx, i.id);
      ctx.scope.require(r.orgUnitId);
      const now = ctx.now().toISOString();
      const rec = { id: i.id, version: i.version, logBefore: null, logAfter: JSON.stringify({ active: i.active }) };
      updatePartnersFrom(ctx.db.$client, { userId: ctx.user.id, at: now }, one({ ...r, active: i.active }, rec), {
        action: i.active ? 'activate' : 'deactivate',
        stale: () => staleRecord(i.id),
      });
      return dto(ctx, i.id);
    }),
  /**
   * Handover (交接): every partner of `fromUser` inside the caller's scope moves to `toUser` in one
   * transaction; the handover and each partner moved are recorded. Open documents will follow
   * the same record when requests and claims exist. Scope: the giving user must be one the caller
   * sees (users.list; else not_found, as for any user outside the scope), and the receiver must be
   * active and — the owner rule of partnerRefProblem — a user whose own scope covers the org unit
   * of every partner moved (else a validation issue on toUserId, and nothing moves).
   */
  'partners.handover': (i, ctx) => {
    if (i.fromUserId === i.toUserId) throw new ApiError('validation', 'Choose two different users', undefined, [{ path: 'toUserId', reason: 'v.same_user' }]);
    const now = ctx.now().toISOString();
    return ctx.db.transaction((tx) => {
      const to = tx.select().from(schema.users).where(eq(schema.users.id, i.toUserId)).get();
      const from = tx.select().from(schema.users).where(eq(schema.users.id, i.fromUserId)).get();
      if (!from || !visibleUserIds(ctx).has(from.id)) throw notFound('user', i.fromUserId);
      if (!to || !to.active) throw new ApiError('validation', 'The receiving user is unknown or inactive', undefined, [{ path: 'toUserId', reason: 'v.inactive_ref' }]);
      const scope = [...ctx.scope.ids()];
      const rows = tx
        .select({ id: t.id, orgUnitId: t.orgUnitId })
        .from(t)
        .where(and(eq(t.ownerUserId, i.fromUserId), inArray(t.orgUnitId, scope)))
        .all();
      const docUnits = openWorkUnits(ctx, i.fromUserId);
      if (rows.length === 0 && docUnits.length === 0) throw new ApiError('nothing_to_hand_over', 'This user owns no partners or open documents in your scope');
      if (!userCovers(ctx.db.$client, to.id, new Set([...rows.map((r) => r.orgUnitId), ...docUnits]))) {
        throw new ApiError('validation', 'The receiving user does not work for these partners’ org units', undefined, [{ path: 'toUserId', reason: 'v.owner_scope' }]);
      }
      const moved = rows.map((r) => r.id);
      const h = tx
        .insert(schema.partnerHandovers)
        .values({ at: now, byUserId: ctx.user.id, fromUserId: i.fromUserId, toUserId: i.toUserId, partnerCount: moved.length, note: i.note })
        .returning()
        .get();
      const item = stmt(ctx.db.$client, 'INSERT INTO partner_handover_items (handover_id, partner_id) VALUES (?, ?)');
      for (const pid of moved) item.run(h.id, pid);
      reassignPartners(ctx.db.$client, now, moved, i.toUserId);
      // the open requests, claims and promises go with them (seed 004), in this transaction
      const documentCount = moveOpenWork(ctx, h.id, i.fromUserId, i.toUserId, `${from.displayName} → ${to.displayName}${i.note ? `: ${i.note}` : ''}`);
      stmt(ctx.db.$client, 'UPDATE partner_handovers SET document_count = ? WHERE id = ?').run(documentCount, h.id);
      logChange(tx, ctx, 'handover', h.id, 'handover', { ownerUserId: i.fromUserId }, { ownerUserId: i.toUserId, partners: moved.length, documents: documentCount });
      return {
        id: h.id, at: h.at, byUserId: h.byUserId, fromUserId: h.fromUserId, toUserId: h.toUserId, partnerCount: h.partnerCount, documentCount, note: h.note, acknowledgedAt: null,
        byUserName: ctx.user.displayName, fromUserName: from.displayName, toUserName: to.displayName,
      };
    });
  },
  'partners.handovers': (_i, ctx) => listHandovers(ctx),
  'partners.handoverSheet': (i, ctx) => {
    visibleHandover(ctx, i.id);
    return handoverSheet(ctx.db.$client, i.id, ctx.user.locale);
  },
  /** the receiver confirms the sheet (once); recorded in the change log */
  'partners.acknowledgeHandover': (i, ctx) =>
    ctx.db.transaction((tx) => {
      const h = visibleHandover(ctx, i.id);
      if (h.toUserId !== ctx.user.id) throw new ApiError('forbidden', 'Only the receiver acknowledges a handover', { id: i.id });
      if (h.acknowledgedAt) return h;
      const at = ctx.now().toISOString();
      stmt(ctx.db.$client, 'UPDATE partner_handovers SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL').run(at, i.id);
      logChange(tx, ctx, 'handover', i.id, 'acknowledge', undefined, { acknowledgedAt: at });
      return { ...h, acknowledgedAt: at };
    }),
};

/**
 * Past handovers the caller may see, newest first: those from or to a visible user (see
 * `visibleUserIds`), filtered by SQLite rather than after reading every handover.
 */
export function listHandovers(ctx: OrgCtx): Handover[] {
  return stmt(
    ctx.db.$client,
    `WITH visible(id) AS (
         SELECT ? UNION SELECT uo.user_id FROM user_org_units uo WHERE uo.org_unit_id IN (SELECT value FROM json_each(?))
       )
       SELECT h.id, h.at, h.by_user_id AS byUserId, h.from_user_id AS fromUserId, h.to_user_id AS toUserId,
         h.partner_count AS partnerCount, h.document_count AS documentCount, h.note, h.acknowledged_at AS acknowledgedAt,
         (SELECT display_name FROM users WHERE id = h.by_user_id) AS byUserName, (SELECT display_name FROM users WHERE id = h.from_user_id) AS fromUserName,
         (SELECT display_name FROM users WHERE id = h.to_user_id) AS toUserName
       FROM partner_handovers h
       WHERE h.from_user_id IN (SELECT id FROM visible) OR h.to_user_id IN (SELECT id FROM visible)
       ORDER BY h.id DESC`,
  ).all(ctx.user.id, JSON.stringify([...ctx.scope.ids()])) as Handover[];
}

/** A handover the caller may see (as listHandovers decides), or not_found. */
function visibleHandover(ctx: OrgCtx, id: number): Handover {
  const h = listHandovers(ctx).find((x) => x.id === id);
  if (!h) throw notFound('handover', id);
  return h;
}

/** Users whose assignments lie inside the caller's scope, plus the caller. */
export function visibleUserIds(ctx: OrgCtx): Set<number> {
  const scope = [...ctx.scope.ids()];
  const ids = ctx.db
    .select({ id: schema.userOrgUnits.userId })
    .from(schema.userOrgUnits)
    .where(inArray(schema.userOrgUnits.orgUnitId, scope))
    .all()
    .map((r) => r.id);
  return new Set([...ids, ctx.user.id]);
}
