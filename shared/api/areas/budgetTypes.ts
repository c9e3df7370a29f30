import type { ApprovalState, DocumentType } from '../../domain/approval';
import type { BudgetFigures, ControlDecision, ControlMode } from '../../domain/budget';
import type { Page } from './common';

/** Output types and enumerations of the budget area's API (the methods are in ./budgets.ts). */
export const LEDGER_KINDS = ['allocation', 'transfer_out', 'transfer_in', 'commitment', 'release', 'actual'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
/** Dimensions of budget vs actual and of drill-down. */
export const BVA_DIMENSIONS = ['branch', 'county', 'orgUnit', 'channelType', 'costType', 'partner'] as const;
export type BvaDimension = (typeof BVA_DIMENSIONS)[number];

export interface BudgetVersion {
  id: number;
  planId: number;
  fiscalYear: number;
  number: number;
  note: string;
  basedOnVersionId: number | null;
  state: ApprovalState;
  inForce: boolean;
  createdBy: number;
  createdAt: string;
  submittedBy: number | null;
  submittedAt: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  /**
   * The display names of the people on the document, for everyone who may see it (users.list
   * shows only the users of the caller's own scope, so a lookup there would show "#5").
   */
  createdByName: string;
  submittedByName: string | null;
  decidedByName: string | null;
  lineCount: number;
  /** sum of all month amounts of the version's lines in the caller's scope */
  totalFen: number;
  version: number;
}

export interface BudgetPlan {
  id: number;
  fiscalYear: number;
  name: string;
  inForceVersionId: number | null;
  openVersionId: number | null;
  versions: BudgetVersion[];
}

export interface BudgetLineRow {
  lineId: number;
  orgUnitId: number;
  orgUnitCode: string;
  channelTypeId: number;
  channelTypeCode: string;
  costTypeId: number;
  costTypeCode: string;
  partnerId: number | null;
  partnerCode: string | null;
  partnerName: string | null;
  /** twelve month amounts, January first */
  amounts: number[];
  total: number;
  /** the line's own rule; null = the cost type's default */
  controlMode: ControlMode | null;
  toleranceBp: number | null;
  effectiveControl: ControlMode;
  effectiveToleranceBp: number;
  /**
   * Of an editable draft (else null): per month, the lowest amount a save accepts — what is
   * committed and spent, in terms of this version (see electron/core/budgets/floors.ts) — and
   * the committed + actual amount itself.
   */
  floors: number[] | null;
  used: number[] | null;
}

export interface SaveLinesResult {
  /** the draft's new row version, for the next save */
  version: number;
  saved: number;
  created: number;
  removed: number;
  /** line id of each input row, in input order */
  lineIds: number[];
}

export interface CompareRow {
  lineId: number;
  orgUnitId: number;
  channelTypeId: number;
  costTypeId: number;
  partnerId: number | null;
  /** null when the line is not in that version */
  a: number[] | null;
  b: number[] | null;
  /** b − a per month */
  diff: number[];
  changedMonths: number[];
  controlChanged: boolean;
  status: 'added' | 'removed' | 'changed' | 'same';
}

export interface CompareResult extends Page<CompareRow> {
  totals: { a: number[]; b: number[]; diff: number[] };
}

export interface HistoryEntry {
  id: number;
  documentType: DocumentType;
  documentId: number;
  action: string;
  fromState: ApprovalState | null;
  toState: ApprovalState | null;
  userId: number;
  userName: string;
  at: string;
  comment: string;
  hash: string;
  /** a stand-in's action: userName for onBehalfOfName */
  onBehalfOf: number | null;
  onBehalfOfName: string | null;
}

export interface BudgetTransfer {
  id: number;
  number: string;
  planId: number;
  fiscalYear: number;
  fromLineId: number;
  fromPeriod: string;
  toLineId: number;
  toPeriod: string;
  amount: number;
  reason: string;
  state: ApprovalState;
  createdBy: number;
  createdAt: string;
  submittedBy: number | null;
  submittedAt: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  /**
   * The display names of the people on the document, for everyone who may see it (users.list
   * shows only the users of the caller's own scope, so a lookup there would show "#5").
   */
  createdByName: string;
  submittedByName: string | null;
  decidedByName: string | null;
  version: number;
}

export interface BudgetPeriod {
  period: string;
  closed: boolean;
  changedBy: number | null;
  changedAt: string | null;
  note: string;
  /** a pending request to reopen the closed period (another finance user confirms it) */
  reopenRequest: { by: number; at: string; note: string } | null;
}

export interface Availability extends ControlDecision {
  lineId: number | null;
  period: string;
  control: ControlMode;
  toleranceBp: number;
  allocated: number;
  committed: number;
  actual: number;
  available: number;
  amount: number;
}

export interface LedgerPosting extends Availability {
  entryIds: number[];
}

export interface BvaRow {
  /** the dimension values of this row; a subtotal row carries only its leading dimensions */
  keys: Partial<Record<BvaDimension, number | null>>;
  /** number of dimensions set; equals dimensions.length for detail rows */
  depth: number;
  subtotal: boolean;
  /** figures per bucket (see `buckets`), and over all buckets */
  buckets: Record<string, BudgetFigures>;
  total: BudgetFigures;
}

export interface BudgetVsActual {
  fiscalYear: number;
  dimensions: BvaDimension[];
  /** ordered columns: '2026-01' … | '2026-Q1' … | '2026' | '2026-YTD06' */
  buckets: string[];
  /** detail rows with their subtotals, depth first (a subtotal row precedes its children) */
  rows: BvaRow[];
  grandTotal: BvaRow;
  /** code and names of every id that appears, keyed 'costType:3' */
  labels: Record<string, { code: string; nameZh: string; nameEn: string }>;
}

export interface LedgerEntryRow {
  id: number;
  at: string;
  period: string;
  kind: LedgerKind;
  amount: number;
  lineId: number;
  orgUnitId: number;
  channelTypeId: number;
  costTypeId: number;
  partnerId: number | null;
  sourceType: string;
  sourceId: number;
  sourceRef: string;
  againstType: string | null;
  againstId: number | null;
  userId: number;
  userName: string;
  note: string;
  /** the line's partner (code and name), null for a line without partner */
  partnerName: string | null;
}

/** A page of drill-down entries, with the sums of every matching entry (not only the page's) per figure. */
export interface LedgerEntriesPage extends Page<LedgerEntryRow> {
  sums: { allocated: number; committed: number; actual: number };
}
