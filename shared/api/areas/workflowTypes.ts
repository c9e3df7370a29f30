import type { ApprovalState } from '../../domain/approval';
import type { Role } from '../define';
import type { HistoryEntry } from './budgetTypes';
import type { Attachment, BudgetPreview, ClaimFlags, ClaimLine } from './documentTypes';

/** Output types of the approval engine (SPEC §4). */

export const APPROVABLE_TYPES = ['cost_request', 'claim', 'budget_transfer', 'budget_version'] as const;
export type ApprovableType = (typeof APPROVABLE_TYPES)[number];
/** where a role step looks for its approvers: the document's own unit, or the unit of that kind above it */
export const ORG_LEVELS = ['own', 'county', 'branch', 'company'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface UserRef {
  id: number;
  name: string;
}

export interface RouteConditions {
  minAmount: number | null;
  maxAmount: number | null;
  costTypeIds: number[];
  channelTypeIds: number[];
  orgUnitId: number | null;
}

export type RouteStep =
  | { kind: 'role'; name: string; role: Role; level: OrgLevel; mode: 'any' | 'all'; slaHours: number }
  | { kind: 'user'; name: string; userId: number; mode: 'any' | 'all'; slaHours: number }
  | { kind: 'manager'; name: string; mode: 'any' | 'all'; slaHours: number };

export interface RouteRow {
  id: number;
  routeKey: number;
  routeVersion: number;
  docType: ApprovableType;
  name: string;
  priority: number;
  conditions: RouteConditions;
  steps: RouteStep[];
  current: boolean;
  active: boolean;
  createdAt: string;
  /** documents started under this version */
  runs: number;
}

export interface SimulatedStep {
  index: number;
  name: string;
  mode: 'any' | 'all';
  approvers: UserRef[];
  /** the step's own set was empty (or only excluded people): these came from the next level up */
  escalated: boolean;
  /** nobody anywhere up the tree: the document could not pass this step */
  unresolved: boolean;
}

export interface TaskView {
  id: number;
  stepIndex: number;
  assignee: UserRef;
  state: 'waiting' | 'approved' | 'rejected' | 'returned' | 'skipped' | 'forwarded' | 'withdrawn';
  via: 'route' | 'escalated' | 'forwarded';
  decidedBy: UserRef | null;
  /** a stand-in's decision: decidedBy for onBehalfOf */
  onBehalfOf: UserRef | null;
  decidedAt: string | null;
  comment: string;
  dueAt: string;
}

export interface RunProgress {
  runId: number;
  routeId: number;
  routeName: string;
  routeVersion: number;
  state: 'running' | 'approved' | 'rejected' | 'returned' | 'withdrawn';
  stepIndex: number;
  steps: { index: number; name: string; mode: 'any' | 'all'; tasks: TaskView[] }[];
}

export interface QueueFlags {
  postHoc: boolean;
  overBudget: boolean;
  duplicateInvoice: boolean;
  overRequest: boolean;
  overdue: boolean;
}

export interface QueueItem {
  taskId: number;
  docType: ApprovableType;
  docId: number;
  docVersion: number;
  number: string;
  title: string;
  requester: UserRef;
  orgUnitId: number;
  orgUnitName: string;
  partnerId: number | null;
  partnerName: string | null;
  amount: number;
  stepName: string;
  /** the task is someone else's and I stand in for them */
  forUser: UserRef | null;
  createdAt: string;
  dueAt: string;
  ageHours: number;
  /** 'ok' within the SLA, 'due' in its last quarter, 'late' past it */
  sla: 'ok' | 'due' | 'late';
  /** the budget line's available before and after this document, and % used after (basis points) */
  impact: { lineId: number; availableBefore: number; availableAfter: number; usedBpAfter: number | null } | null;
  flags: QueueFlags;
}

export interface DocumentDetail {
  docType: ApprovableType;
  docId: number;
  number: string;
  title: string;
  state: ApprovalState;
  /** the document's own status label key (e.g. partly_claimed, paid) */
  status: string;
  version: number;
  requester: UserRef;
  orgUnitName: string;
  partnerName: string | null;
  amount: number;
  fields: { key: string; value: string | number | boolean | null; kind: 'text' | 'money' | 'date' | 'number' | 'bool' }[];
  lines: ClaimLine[];
  attachments: Attachment[];
  budget: BudgetPreview | null;
  flags: QueueFlags & Partial<ClaimFlags>;
  partnerYear: { requests: number; claims: number; rejectedClaims: number; rejectionRateBp: number | null; spend: number } | null;
  progress: RunProgress | null;
  history: HistoryEntry[];
  /** what the caller may do now */
  can: { approve: boolean; reject: boolean; return: boolean; forward: boolean; withdraw: boolean; comment: boolean };
  /** the task the caller would act on, and for whom */
  myTask: { id: number; forUser: UserRef | null } | null;
}

export interface ActResult {
  docType: ApprovableType;
  docId: number;
  state: ApprovalState;
  version: number;
  /** the route moved on to this step (null when finished) */
  stepIndex: number | null;
}

export interface DelegationRow {
  id: number;
  from: UserRef;
  to: UserRef;
  startDate: string;
  endDate: string;
  docTypes: ApprovableType[];
  note: string;
  active: boolean;
  createdAt: string;
}

export interface HomeSummary {
  waiting: { count: number; oldestAt: string | null; late: number };
  myOpen: { requests: number; claims: number; returned: number };
  claimsDueSoon: number;
  claimsOverdue: number;
  /** budget cells of my scope at ≥ 90 % used, this month */
  linesNearLimit: { lineId: number; label: string; period: string; usedBp: number; available: number }[];
  recentImports: { id: number; kind: string; fileName: string; at: string; created: number; updated: number }[];
  reminders: { docType: ApprovableType; docId: number; number: string; lateHours: number }[];
}
