import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApiError, type FieldIssue } from '../../shared/api/errors';

/** zod issue -> FieldIssue with an i18n reason key ("v.*"). Our schemas put keys in messages. */
export function zodIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.message.startsWith('v.')) {
      const params: Record<string, string | number> = {};
      if ('minimum' in i && i.minimum !== undefined) params.min = Number(i.minimum);
      if ('maximum' in i && i.maximum !== undefined) params.max = Number(i.maximum);
      return { path, reason: i.message, params };
    }
    switch (i.code) {
      case 'too_small':
        return i.origin === 'string' && Number(i.minimum) === 1
          ? { path, reason: 'v.required' }
          : { path, reason: 'v.too_small', params: { min: Number(i.minimum) } };
      case 'too_big':
        return { path, reason: i.origin === 'string' ? 'v.too_long' : 'v.too_big', params: { max: Number(i.maximum) } };
      case 'invalid_type':
        return { path, reason: i.input === undefined || i.input === null ? 'v.required' : 'v.type', params: { expected: i.expected } };
      case 'invalid_value':
        return { path, reason: 'v.choice', params: { options: i.values.map(String).join(', ') } };
      case 'unrecognized_keys':
        return { path: i.keys.join(','), reason: 'v.unknown_field' };
      default:
        return { path, reason: 'v.invalid' };
    }
  });
}

export function validationError(issues: FieldIssue[]): ApiError {
  const first = issues[0];
  return new ApiError('validation', `Invalid input${first ? `: ${first.path} ${first.reason}` : ''}`, undefined, issues);
}

/** Maps a thrown value to an ApiError; unknown failures become `internal` (logged by the caller). */
export function toApiError(e: unknown): { error: ApiError; unexpected: boolean } {
  if (e instanceof ApiError) return { error: e, unexpected: false };
  if (e instanceof z.ZodError) return { error: validationError(zodIssues(e)), unexpected: false };
  const code = (e as { code?: string })?.code;
  const msg = (e as Error)?.message ?? String(e);
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return { error: new ApiError('duplicate', 'A record with this key already exists'), unexpected: false };
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      return { error: new ApiError('referenced', 'A referenced record does not exist or is still in use'), unexpected: false };
    }
    if (code === 'SQLITE_CONSTRAINT_CHECK') {
      return { error: new ApiError('validation', `A value is out of range (${msg})`), unexpected: false };
    }
    if (code === 'SQLITE_CONSTRAINT_TRIGGER') {
      // triggers raise "<error code>: <text>" (electron/core/db/triggers.sql)
      const m = /^([a-z_]+):\s*(.*)$/s.exec(msg);
      return { error: new ApiError(m ? m[1]! : 'forbidden', m ? m[2]! : msg), unexpected: false };
    }
  }
  if (code === 'SQLITE_BUSY') return { error: new ApiError('busy', 'The database is busy; please try again'), unexpected: false };
  return { error: unexpectedError(), unexpected: true };
}

/**
 * The answer to a failure nobody foresaw: a generic message and a short random id, never the
 * failure's own text (it may name files, SQL or data). The caller logs the failure under the same
 * id (`params.ref`), so an administrator finds it from what the user reports.
 */
export function unexpectedError(): ApiError {
  const ref = randomBytes(5).toString('hex');
  return new ApiError('internal', `Unexpected error (id ${ref})`, { ref });
}
