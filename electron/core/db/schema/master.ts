import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Timestamps are ISO-8601 UTC strings; calendar dates are 'YYYY-MM-DD'; money is integer fen. */
const audit = {
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['channel_staff', 'approver', 'finance', 'admin'] }).notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull().default('zh-CN'),
    /** "scrypt$N$r$p$saltB64$hashB64" */
    passwordHash: text('password_hash').notNull(),
    ...audit,
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    check('users_role_ck', sql`${t.role} in ('channel_staff','approver','finance','admin')`),
  ],
);

export const orgUnits = sqliteTable(
  'org_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['company', 'branch', 'county', 'township', 'grid'] }).notNull(),
    parentId: integer('parent_id'),
    /** materialised path of ids, "/1/4/17/", for subtree queries */
    path: text('path').notNull(),
    managerUserId: integer('manager_user_id').references(() => users.id),
    ...audit,
  },
  (t) => [
    uniqueIndex('org_units_code_uq').on(t.code),
    index('org_units_path_ix').on(t.path),
    index('org_units_parent_ix').on(t.parentId),
  ],
);

export const userOrgUnits = sqliteTable(
  'user_org_units',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgUnitId] })],
);

export const channelTypes = sqliteTable(
  'channel_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    ...audit,
  },
  (t) => [uniqueIndex('channel_types_code_uq').on(t.code)],
);

export const costTypes = sqliteTable(
  'cost_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    requiresPreapproval: integer('requires_preapproval', { mode: 'boolean' }).notNull().default(true),
    receiptThresholdFen: integer('receipt_threshold_fen').notNull().default(0),
    defaultControl: text('default_control', { enum: ['block', 'warn', 'none'] }).notNull().default('warn'),
    defaultToleranceBp: integer('default_tolerance_bp').notNull().default(0),
    /** claims are due this many days after the activity ends (seed 004: settle promptly) */
    claimDueDays: integer('claim_due_days').notNull().default(30),
    /** an approved request still unclaimed this many days after its claim due date expires */
    expireAfterDays: integer('expire_after_days').notNull().default(60),
    /** how far a claim may exceed what remains on its request (basis points of the request) */
    claimToleranceBp: integer('claim_tolerance_bp').notNull().default(0),
    ...audit,
  },
  (t) => [
    uniqueIndex('cost_types_code_uq').on(t.code),
    check('cost_types_threshold_fen_ck', sql`typeof(${t.receiptThresholdFen}) = 'integer' and ${t.receiptThresholdFen} >= 0`),
    check('cost_types_tolerance_ck', sql`${t.defaultToleranceBp} between 0 and 10000`),
    check('cost_types_control_ck', sql`${t.defaultControl} in ('block','warn','none')`),
  ],
);

export const partners = sqliteTable(
  'partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    channelTypeId: integer('channel_type_id').notNull().references(() => channelTypes.id),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    starRating: integer('star_rating').notNull(),
    contractStart: text('contract_start'),
    contractEnd: text('contract_end'),
    status: text('status', { enum: ['prospect', 'cooperating', 'suspended', 'terminated'] }).notNull().default('cooperating'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    bankName: text('bank_name').notNull().default(''),
    bankAccount: text('bank_account').notNull().default(''),
    ...audit,
  },
  (t) => [
    uniqueIndex('partners_code_uq').on(t.code),
    index('partners_org_ix').on(t.orgUnitId, t.id),
    index('partners_owner_ix').on(t.ownerUserId),
    index('partners_name_ix').on(t.name, t.id),
    check('partners_star_ck', sql`${t.starRating} between 1 and 5`),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** sha-256 of the bearer token; the token itself is never stored */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_ix').on(t.userId)],
);

export const loginAttempts = sqliteTable('login_attempts', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: text('last_failure_at'),
  lockedUntil: text('locked_until'),
});

export const partnerHandovers = sqliteTable('partner_handovers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  byUserId: integer('by_user_id').notNull().references(() => users.id),
  fromUserId: integer('from_user_id').notNull().references(() => users.id),
  toUserId: integer('to_user_id').notNull().references(() => users.id),
  partnerCount: integer('partner_count').notNull(),
  /** open requests, claims and promises that moved with the partners (seed 004) */
  documentCount: integer('document_count').notNull().default(0),
  note: text('note').notNull().default(''),
  /** the receiver confirmed the handover sheet */
  acknowledgedAt: text('acknowledged_at'),
});

/** The open documents a handover moved: cost requests, claims and promises. */
export const handoverDocuments = sqliteTable(
  'handover_documents',
  {
    handoverId: integer('handover_id').notNull().references(() => partnerHandovers.id),
    docType: text('doc_type', { enum: ['cost_request', 'claim', 'promise'] }).notNull(),
    docId: integer('doc_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.handoverId, t.docType, t.docId] })],
);

export const partnerHandoverItems = sqliteTable(
  'partner_handover_items',
  {
    handoverId: integer('handover_id').notNull().references(() => partnerHandovers.id),
    partnerId: integer('partner_id').notNull().references(() => partners.id),
  },
  (t) => [primaryKey({ columns: [t.handoverId, t.partnerId] })],
);

/** Append-only record of master data changes: who changed what, before and after. */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('change_log_entity_ix').on(t.entity, t.entityId)],
);
