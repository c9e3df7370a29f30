import { z } from 'zod';
import { GRANULARITIES } from '../../domain/budget';
import { method } from '../define';
import {
  BVA_DIMENSIONS, LEDGER_KINDS, type Availability, type BudgetLineRow, type BudgetPeriod, type BudgetPlan, type BudgetTransfer, type BudgetVersion,
  type BudgetVsActual, type CompareResult, type HistoryEntry, type LedgerEntriesPage, type SaveLinesResult,
} from './budgetTypes';
import { id, pageQuery, period, type Page } from './common';
import { CONTROL_MODES } from './master';

/**
 * Budgets (SPEC §2): plans per fiscal year, versions (draft → submitted → approved; revisions as
 * new drafts), lines with twelve month amounts and a control rule, transfers, closed periods, the
 * append-only ledger, availability checks, budget vs actual with drill-down.
 *
 * Vocabulary: a *line* is org unit × channel type × cost type (× partner) of a plan; a *cell* is a
 * line in one month; see shared/domain/budget.ts. Money is integer fen.
 * Writes are for finance; reads for every role, limited to the caller's org-unit scope.
 * No method posts commitments, releases or actuals: those move only through cost requests, claims
 * and payments (documents area, electron/core/documents/effects.ts), through the ledger's one insert.
 * Until the approval workflow exists, a finance user other than the submitter approves.
 */
export * from './budgetTypes';

const fiscalYear = z.number().int().min(2000, 'v.range').max(2100, 'v.range');
const rowVersion = z.number().int().min(0);
const amount = z.number().int('v.integer_fen').positive('v.positive').max(Number.MAX_SAFE_INTEGER);
const cellFen = z.number().int('v.integer_fen').min(0, 'v.non_negative').max(Number.MAX_SAFE_INTEGER);
const reason = z.string().trim().min(1, 'v.required').max(500);
const comment = z.string().trim().max(500).default('');
const idList = z.array(id).max(10_000);

/** The key of a line (partner optional). */
export const lineKey = z.object({ orgUnitId: id, channelTypeId: id, costTypeId: id, partnerId: id.nullable().default(null) });
/**
 * A cell: a known line and a month, or a line key and a month. A key is resolved to the nearest
 * line of the period's plan: the exact key, then without the partner, then the same channel and
 * cost type at each ancestor org unit (a township's request draws on its county's budget).
 */
export const cellRef = z.union([z.object({ lineId: id, period }), lineKey.extend({ period })]);

/** Filter of budget vs actual and drill-down: ids per dimension (partner null = lines without partner); orgUnitId = that unit's subtree. */
export const bvaFilter = z
  .object({
    subtreeOf: id.optional(),
    branch: z.array(id.nullable()).max(10_000).optional(),
    county: z.array(id.nullable()).max(10_000).optional(),
    orgUnit: idList.optional(),
    channelType: idList.optional(),
    costType: idList.optional(),
    partner: z.array(id.nullable()).max(10_000).optional(),
  })
  .default({});

const action = z.object({ id, version: rowVersion, comment });
const decision = z.object({ id, version: rowVersion, comment: reason });
const FINANCE = { roles: ['finance'] as const };

export const budgetsApi = {
  'budgetPlans.list': method<BudgetPlan[]>()(z.object({}).default({}), { scope: 'org' }),
  /** a plan for a fiscal year, with an empty draft version 1 */
  'budgetPlans.create': method<BudgetPlan>()(z.object({ fiscalYear, name: z.string().trim().min(1, 'v.required').max(100) }), { ...FINANCE, scope: 'org' }),

  'budgetVersions.get': method<BudgetVersion>()(z.object({ id }), { scope: 'org' }),
  /** the lines of a version, as grid rows, paged (keyset cursor) and limited to the caller's scope */
  'budgetVersions.lines': method<Page<BudgetLineRow>>()(pageQuery.extend({ versionId: id }), { scope: 'org' }),
  /**
   * Bulk save of grid rows into a draft (or returned) version, all or nothing: rows are upserted by
   * line key; `amounts[i] = null` keeps month i+1 as it is (0 for a new row); `controlMode` /
   * `toleranceBp` undefined keep, null = the cost type's default. Every invalid cell is reported
   * as a FieldIssue with path `rows.<i>.<field>` (field: orgUnitId … partnerId, amounts.<m-1>,
   * toleranceBp) and nothing is written.
   */
  'budgetVersions.saveLines': method<SaveLinesResult>()(
    z.object({
      versionId: id,
      version: rowVersion,
      rows: z
        .array(
          lineKey.extend({
            amounts: z.array(cellFen.nullable()).length(12, 'v.twelve_months'),
            controlMode: z.enum(CONTROL_MODES).nullable().optional(),
            toleranceBp: z.number().int().min(0, 'v.range').max(10_000, 'v.range').nullable().optional(),
          }),
        )
        .max(50_000, 'v.too_many_rows'),
      removeLineIds: z.array(id).max(50_000).default([]),
    }),
    { ...FINANCE, scope: 'org' },
  ),
  /** a new draft from the version in force (empty if none is) */
  'budgetVersions.revise': method<BudgetVersion>()(z.object({ planId: id, note: z.string().trim().max(200).default('') }), { ...FINANCE, scope: 'org' }),
  'budgetVersions.submit': method<BudgetVersion>()(action, { ...FINANCE, scope: 'org' }),
  /** by a finance user other than the submitter; posts the allocation differences to the ledger */
  'budgetVersions.approve': method<BudgetVersion>()(action, { ...FINANCE, scope: 'org' }),
  'budgetVersions.reject': method<BudgetVersion>()(decision, { ...FINANCE, scope: 'org' }),
  'budgetVersions.return': method<BudgetVersion>()(decision, { ...FINANCE, scope: 'org' }),
  'budgetVersions.cancel': method<BudgetVersion>()(action, { ...FINANCE, scope: 'org' }),
  /** two versions side by side per line and month (b − a), paged by line id */
  'budgetVersions.compare': method<CompareResult>()(
    z.object({
      a: id,
      b: id,
      onlyChanged: z.boolean().default(false),
      limit: z.number().int().min(1).max(5000).default(500),
      cursor: z.string().max(200).optional(),
    }), { scope: 'org' },
  ),

  'budgetTransfers.list': method<BudgetTransfer[]>()(z.object({ fiscalYear, limit: z.number().int().min(1).max(5000).default(500) }), { scope: 'org' }),
  'budgetTransfers.get': method<BudgetTransfer>()(z.object({ id }), { scope: 'org' }),
  /** a draft; `submit`: and submitted at once, in the same transaction ("save and submit") */
  'budgetTransfers.create': method<BudgetTransfer>()(
    z.object({ from: cellRef, to: cellRef, amount, reason, submit: z.boolean().default(false) }),
    { ...FINANCE, scope: 'org' },
  ),
  /** a draft or returned transfer: any of its cells, amount and reason; `submit` as for create */
  'budgetTransfers.update': method<BudgetTransfer>()(
    z.object({
      id, version: rowVersion, from: cellRef.optional(), to: cellRef.optional(), amount: amount.optional(), reason: reason.optional(),
      submit: z.boolean().default(false),
    }),
    { ...FINANCE, scope: 'org' },
  ),
  'budgetTransfers.submit': method<BudgetTransfer>()(action, { ...FINANCE, scope: 'org' }),
  /** by a finance user other than the submitter; cannot take the source below its committed + actual */
  'budgetTransfers.approve': method<BudgetTransfer>()(action, { ...FINANCE, scope: 'org' }),
  'budgetTransfers.reject': method<BudgetTransfer>()(decision, { ...FINANCE, scope: 'org' }),
  'budgetTransfers.return': method<BudgetTransfer>()(decision, { ...FINANCE, scope: 'org' }),
  'budgetTransfers.cancel': method<BudgetTransfer>()(action, { ...FINANCE, scope: 'org' }),

  /** the state history of a budget version or transfer */
  'budgets.history': method<HistoryEntry[]>()(z.object({ documentType: z.enum(['budget_version', 'budget_transfer']), documentId: id }), { scope: 'org' }),

  'budgetPeriods.list': method<BudgetPeriod[]>()(z.object({ fiscalYear }), { scope: 'company' }),
  'budgetPeriods.close': method<BudgetPeriod>()(z.object({ period, note: z.string().trim().max(200).default('') }), { ...FINANCE, scope: 'company' }),
  /** asks to reopen a closed period, with the reason; another finance user confirms (`budgetPeriods.confirmReopen`) */
  'budgetPeriods.reopen': method<BudgetPeriod>()(z.object({ period, note: reason }), { ...FINANCE, scope: 'company' }),
  /** reopens a closed period on the pending request of another finance user */
  'budgetPeriods.confirmReopen': method<BudgetPeriod>()(z.object({ period }), { ...FINANCE, scope: 'company' }),

  /** ok / warn / block for spending `amount` on a cell, with its balances (any role, own scope) */
  'budgets.checkAvailability': method<Availability>()(z.object({ cell: cellRef, amount: cellFen }), { scope: 'org' }),
  /** budget vs actual for any dimensions and period granularity, with subtotals and a grand total */
  'budgets.vsActual': method<BudgetVsActual>()(
    z.object({
      fiscalYear,
      dimensions: z
        .array(z.enum(BVA_DIMENSIONS))
        .max(BVA_DIMENSIONS.length)
        .refine((d) => new Set(d).size === d.length, 'v.duplicate')
        .default([]),
      granularity: z.enum(GRANULARITIES).default('month'),
      /** last month of 'ytd' (default 12) */
      throughMonth: z.number().int().min(1, 'v.range').max(12, 'v.range').default(12),
      filter: bvaFilter,
      subtotals: z.boolean().default(true),
    }), { scope: 'org' },
  ),
  /** the ledger entries behind a figure: the row's keys, a period range and optional kinds; newest first (posting order), keyset paged; with the sums of all of them */
  'budgets.entries': method<LedgerEntriesPage>()(
    z.object({
      fiscalYear,
      keys: z.partialRecord(z.enum(BVA_DIMENSIONS), id.nullable()).default({}),
      filter: bvaFilter,
      from: period.optional(),
      to: period.optional(),
      kinds: z.array(z.enum(LEDGER_KINDS)).max(6).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      cursor: z.string().max(200).optional(),
    }), { scope: 'org' },
  ),
} as const;
