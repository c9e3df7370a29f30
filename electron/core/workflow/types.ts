import type { ApprovableType } from '../../../shared/api/areas/workflowTypes';
import type { ApprovalState } from '../../../shared/domain/approval';
import type Database from 'better-sqlite3';
import type { OrgCtx } from '../context';

/** What the engine needs to know of any approvable document. */
export interface DocFacts {
  type: ApprovableType;
  id: number;
  number: string;
  title: string;
  state: ApprovalState;
  version: number;
  createdBy: number;
  ownerUserId: number;
  submittedBy: number | null;
  orgUnitId: number;
  partnerId: number | null;
  amount: number;
  costTypeId: number | null;
  channelTypeId: number | null;
}

/**
 * One per document type: how to read its facts and what its final approval does. The engine
 * owns who may act and the state transitions; the adapter owns the document's own rules and
 * every movement of budget money, inside the engine's transaction.
 */
export interface DocAdapter {
  table: string;
  facts(db: Database.Database, id: number): DocFacts;
  /** who may read it, when not the documents' rule (scope over its unit, or on its route: documents/access.ts) */
  requireRead?(ctx: OrgCtx, f: DocFacts): void;
  /** who may submit, withdraw or decide it beyond the engine's rules (e.g. every line of a budget version in scope); checked first */
  requireWrite?(ctx: OrgCtx, f: DocFacts): void;
  /** checks (and derived fields) before a route starts, e.g. "a budget line covers it" */
  beforeSubmit?(ctx: OrgCtx, f: DocFacts, input: { duplicateReason?: string }): void;
  /** the final approval's effects (commitment, allocation …); returns whether a warn rule was confirmed */
  onApproved(ctx: OrgCtx, f: DocFacts, o: { confirmWarn: boolean }): { warned: boolean };
  /** the budget figures an approver sees (queue impact and the detail pane) */
  impact?(ctx: OrgCtx, f: DocFacts, memo?: Map<string, unknown>): { lineId: number; availableBefore: number; availableAfter: number; usedBpAfter: number | null } | null;
}
