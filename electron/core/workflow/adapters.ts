import type { ApprovableType } from '../../../shared/api/areas/workflowTypes';
import { ApiError } from '../../../shared/api/errors';
import { claimAdapter } from '../documents/claims';
import { requestAdapter } from '../documents/requests';
import type { DocAdapter } from './types';

/**
 * The document types on the engine and their adapters: a constant table, built on first use
 * because the adapters' modules import the engine (a module cycle resolved at call time).
 */
let table: Partial<Record<ApprovableType, DocAdapter>> | null = null;
const adapters = () => (table ??= { cost_request: requestAdapter, claim: claimAdapter });

export function adapterOf(type: ApprovableType): DocAdapter {
  const a = adapters()[type];
  if (!a) throw new ApiError('validation', `Documents of type ${type} are not approved through routes yet`, { docType: type });
  return a;
}
