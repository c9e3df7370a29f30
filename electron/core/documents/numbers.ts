import type Database from 'better-sqlite3';
import { stmt } from '../budgets/sql';

/**
 * Document numbers per type and year: SQ-2027-000123 (requests), HX-2027-000045 (claims). The
 * counter row is bumped inside the document's creating transaction, so a number is unique and —
 * because a document is never deleted (only cancelled) — never reused.
 */
export function nextNumber(db: Database.Database, prefix: string, year: number): string {
  stmt(db, 'INSERT INTO doc_sequences (prefix, year, last) VALUES (?, ?, 0) ON CONFLICT (prefix, year) DO NOTHING').run(prefix, year);
  const n = stmt(db, 'UPDATE doc_sequences SET last = last + 1 WHERE prefix = ? AND year = ? RETURNING last', true).get(prefix, year) as number;
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}
