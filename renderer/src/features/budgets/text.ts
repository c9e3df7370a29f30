import { ApiError, type FieldIssue } from '@shared/api/errors';
import { errorText, issueText } from '../../i18n';

/**
 * Budget errors and cell issues in words. Money params (integer fen) become ¥ amounts in the
 * shared translation (shared/i18n/errors.ts, MONEY_PARAMS) — one place for every page and for the
 * Excel error report; this module only adds a validation error's reasons to its sentence.
 */
export function budgetIssueText(issue: Omit<FieldIssue, 'path'> & { path?: string }): string {
  return issueText({ path: issue.path ?? '', reason: issue.reason, ...(issue.params ? { params: issue.params } : {}) });
}

/** One line for a failed budget call; a validation error lists its reasons (none of them names a grid cell). */
export function budgetErrorText(e: unknown): string {
  const text = errorText(e);
  if (!(e instanceof ApiError)) return text;
  const issues = Array.isArray(e.details) && e.code === 'validation' ? (e.details as FieldIssue[]).map((d) => budgetIssueText(d)) : [];
  return issues.length ? `${text} ${issues.join('；')}` : text;
}
