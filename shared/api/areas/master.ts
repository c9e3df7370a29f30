import { z } from 'zod';
import { method } from '../define';
import { roleSchema } from './auth';
import { code, fen, id, isoDate, locale, name, pageQuery, patchOf, type Page } from './common';

export const ORG_KINDS = ['company', 'branch', 'county', 'township', 'grid'] as const;
export const PARTNER_STATUSES = ['prospect', 'cooperating', 'suspended', 'terminated'] as const;
export const CONTROL_MODES = ['block', 'warn', 'none'] as const;

export interface OrgUnit {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: (typeof ORG_KINDS)[number];
  parentId: number | null;
  /** ids from the root down to this unit, e.g. [1, 4, 17] */
  pathIds: number[];
  managerUserId: number | null;
  active: boolean;
  version: number;
}

export interface ChannelType {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  version: number;
}

export interface CostType {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  requiresPreapproval: boolean;
  /** claims at or above this amount need a receipt; fen */
  receiptThresholdFen: number;
  defaultControl: (typeof CONTROL_MODES)[number];
  /** tolerance in basis points (500 = 5%) */
  defaultToleranceBp: number;
  active: boolean;
  version: number;
}

export interface Partner {
  id: number;
  code: string;
  name: string;
  channelTypeId: number;
  orgUnitId: number;
  ownerUserId: number | null;
  /**
   * the owner's display name, joined by the core: whoever may see the partner sees who owns it,
   * also when the owner is outside the users they may list (issue 11 point 11)
   */
  ownerName: string | null;
  starRating: number;
  contractStart: string | null;
  contractEnd: string | null;
  status: (typeof PARTNER_STATUSES)[number];
  contactName: string;
  contactPhone: string;
  bankName: string;
  bankAccount: string;
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: z.infer<typeof roleSchema>;
  locale: 'zh-CN' | 'en';
  orgUnitIds: number[];
  active: boolean;
  version: number;
}

export interface Handover {
  id: number;
  at: string;
  byUserId: number;
  fromUserId: number;
  toUserId: number;
  partnerCount: number;
  /** open requests, claims and promises moved with the partners */
  documentCount: number;
  note: string;
  acknowledgedAt: string | null;
  /** display names of the three people (a handover names users outside the viewer's own scope too) */
  byUserName: string;
  fromUserName: string;
  toUserName: string;
}

/** A line of a handover sheet (交接清单): a partner or an open document that moved. */
export interface HandoverItem {
  kind: 'partner' | 'cost_request' | 'claim' | 'promise';
  id: number;
  ref: string;
  name: string;
  amount: number | null;
  state: string | null;
}

const version = z.number().int().min(0);
const bool = z.boolean();

export const orgUnitInput = z.object({
  code,
  nameZh: name,
  nameEn: name,
  kind: z.enum(ORG_KINDS),
  parentId: id.nullable(),
  managerUserId: id.nullable().default(null),
});
export const channelTypeInput = z.object({ code, nameZh: name, nameEn: name });
export const costTypeInput = z.object({
  code,
  nameZh: name,
  nameEn: name,
  requiresPreapproval: bool.default(true),
  receiptThresholdFen: fen.default(0),
  defaultControl: z.enum(CONTROL_MODES).default('warn'),
  defaultToleranceBp: z.number().int().min(0, 'v.range').max(10_000, 'v.range').default(0),
});
const phone = z.string().trim().max(20).regex(/^[0-9+\-\s]*$/, 'v.phone');
export const partnerFields = z.object({
    code,
    name,
    channelTypeId: id,
    orgUnitId: id,
    ownerUserId: id.nullable().default(null),
    starRating: z.number().int('v.star').min(1, 'v.star').max(5, 'v.star'),
    contractStart: isoDate.nullable().default(null),
    contractEnd: isoDate.nullable().default(null),
    status: z.enum(PARTNER_STATUSES).default('cooperating'),
    contactName: z.string().trim().max(50).default(''),
    contactPhone: phone.default(''),
    bankName: z.string().trim().max(100).default(''),
    bankAccount: z.string().trim().max(40).regex(/^[0-9\s-]*$/, 'v.bank_account').default(''),
});
export const partnerInput = partnerFields.refine((p) => !p.contractStart || !p.contractEnd || p.contractStart <= p.contractEnd, {
    message: 'v.contract_dates',
    path: ['contractEnd'],
  });
export const userInput = z.object({
  username: z.string().trim().min(2, 'v.required').max(32).regex(/^[a-z0-9_.-]+$/i, 'v.username'),
  displayName: z.string().trim().min(1, 'v.required').max(50),
  role: roleSchema,
  locale: locale.default('zh-CN'),
  orgUnitIds: z.array(id).min(1, 'v.scope_required').max(100),
  password: z.string().min(8, 'v.password_short').max(200),
});

/** A patch: some fields plus the version the editor saw (optimistic concurrency). */
const patchInput = <T extends z.ZodRawShape>(shape: z.ZodObject<T>) => z.object({ id, version, patch: patchOf(shape) });

export const masterApi = {
  'orgUnits.list': method<OrgUnit[]>()(z.object({ includeInactive: bool.default(false) }).default({ includeInactive: false }), { scope: 'org' }),
  'orgUnits.create': method<OrgUnit>()(orgUnitInput, { scope: 'org', roles: ['admin'] }),
  'orgUnits.update': method<OrgUnit>()(patchInput(orgUnitInput.omit({ parentId: true })), { scope: 'org', roles: ['admin'] }),
  'orgUnits.setActive': method<OrgUnit>()(z.object({ id, version, active: bool }), { scope: 'org', roles: ['admin'] }),

  'channelTypes.list': method<ChannelType[]>()(z.object({ includeInactive: bool.default(false) }).default({ includeInactive: false }), { scope: 'company' }),
  'channelTypes.create': method<ChannelType>()(channelTypeInput, { scope: 'company', roles: ['admin'] }),
  'channelTypes.update': method<ChannelType>()(patchInput(channelTypeInput), { scope: 'company', roles: ['admin'] }),
  'channelTypes.setActive': method<ChannelType>()(z.object({ id, version, active: bool }), { scope: 'company', roles: ['admin'] }),

  'costTypes.list': method<CostType[]>()(z.object({ includeInactive: bool.default(false) }).default({ includeInactive: false }), { scope: 'company' }),
  'costTypes.create': method<CostType>()(costTypeInput, { scope: 'company', roles: ['admin'] }),
  'costTypes.update': method<CostType>()(patchInput(costTypeInput), { scope: 'company', roles: ['admin'] }),
  'costTypes.setActive': method<CostType>()(z.object({ id, version, active: bool }), { scope: 'company', roles: ['admin'] }),

  'partners.list': method<Page<Partner>>()(pageQuery, { scope: 'org' }),
  'partners.get': method<Partner>()(z.object({ id }), { scope: 'org' }),
  'partners.create': method<Partner>()(partnerInput, { scope: 'org', roles: ['channel_staff', 'admin'] }),
  'partners.update': method<Partner>()(
    patchInput(partnerFields),
    { scope: 'org', roles: ['channel_staff', 'admin'] },
  ),
  'partners.setActive': method<Partner>()(z.object({ id, version, active: bool }), { scope: 'org', roles: ['channel_staff', 'admin'] }),
  'partners.handover': method<Handover>()(
    z.object({ fromUserId: id, toUserId: id, note: z.string().trim().max(200).default('') }),
    { scope: 'org', roles: ['approver', 'admin'] },
  ),
  'partners.handovers': method<Handover[]>()(z.object({}).default({}), { scope: 'org' }),
  /** the handover sheet: every partner and open document that moved */
  'partners.handoverSheet': method<HandoverItem[]>()(z.object({ id }), { scope: 'org' }),
  /** the receiver confirms the handover sheet */
  'partners.acknowledgeHandover': method<Handover>()(z.object({ id }), { scope: 'org' }),

  /**
   * Users visible to the caller (assigned to a unit in their scope), with only their in-scope
   * assignments; used for owner pickers too. Changing a user needs all of their assignments in scope.
   */
  'users.list': method<UserRow[]>()(z.object({ includeInactive: bool.default(false) }).default({ includeInactive: false }), { scope: 'org' }),
  'users.create': method<UserRow>()(userInput, { scope: 'org', roles: ['admin'] }),
  'users.update': method<UserRow>()(patchInput(userInput.omit({ username: true, password: true })), { scope: 'org', roles: ['admin'] }),
  'users.setActive': method<UserRow>()(z.object({ id, version, active: bool }), { scope: 'org', roles: ['admin'] }),
  'users.resetPassword': method<{ ok: true }>()(z.object({ id, password: z.string().min(8, 'v.password_short').max(200) }), { scope: 'org', roles: ['admin'] }),
} as const;
