import { ApiError, type FieldIssue } from '@shared/api/errors';
import { money } from '../../format';
import { errorText, i18n, issueText } from '../../i18n';

/**
 * Budget errors and cell issues in words: the core sends amounts as integer fen in the params
 * (used, limit, available …); here they become ¥ amounts before translation, and the budget
 * errors whose shared texts speak of fen use this area's own wording.
 */
const MONEY_PARAMS = new Set(['used', 'limit', 'allocated', 'available', 'amount', 'held', 'committed', 'actual']);
const OWN_TEXT = new Set(['budget_exceeded', 'release_exceeds_commitment', 'transfer_exceeds_available']);

export function moneyParams(params: Record<string, string | number> | undefined): Record<string, string | number> {
  if (!params) return {};
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, MONEY_PARAMS.has(k) && typeof v === 'number' ? money(v) : v]));
}

export function budgetIssueText(issue: Omit<FieldIssue, 'path'> & { path?: string }): string {
  return issueText({ path: issue.path ?? '', reason: issue.reason, params: moneyParams(issue.params) });
}

/** One line for a failed budget call; a validation error lists its reasons (none of them names a grid cell). */
export function budgetErrorText(e: unknown): string {
  if (!(e instanceof ApiError)) return errorText(e);
  if (OWN_TEXT.has(e.code)) return i18n.t(`budgets.errors.${e.code}`, moneyParams(e.params));
  const text = errorText(e.params ? new ApiError(e.code, e.message, moneyParams(e.params), e.details) : e);
  const issues = Array.isArray(e.details) && e.code === 'validation' ? (e.details as FieldIssue[]).map((d) => budgetIssueText(d)) : [];
  return issues.length ? `${text} ${issues.join('；')}` : text;
}
