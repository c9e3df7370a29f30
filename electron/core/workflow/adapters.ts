import type { ApprovableType } from '../../../shared/api/areas/workflowTypes';
import { ApiError } from '../../../shared/api/errors';
import { transferAdapter, versionAdapter } from '../budgets/approval';
import { claimAdapter } from '../documents/claims';
import { requestAdapter } from '../documents/requests';
import type { OrgCtx } from '../context';
import { requireRead } from '../documents/access';
import type { DocAdapter, DocFacts } from './types';

/**
 * The document types on the engine and their adapters: a constant table, built on first use
 * because the adapters' modules import the engine (a module cycle resolved at call time).
 */
let table: Record<ApprovableType, DocAdapter> | null = null;
const adapters = () => (table ??= { cost_request: requestAdapter, claim: claimAdapter, budget_version: versionAdapter, budget_transfer: transferAdapter });

export function adapterOf(type: ApprovableType): DocAdapter {
  const a = adapters()[type] as DocAdapter | undefined;
  if (!a) throw new ApiError('validation', `Unknown document type ${type}`, { docType: type });
  return a;
}

/** Who may read a document: its adapter's rule, else the documents' (scope over its unit, or on its route). */
export function requireReadOf(ctx: OrgCtx, f: DocFacts): void {
  const a = adapterOf(f.type);
  if (a.requireRead) a.requireRead(ctx, f);
  else requireRead(ctx, f);
}
