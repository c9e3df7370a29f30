import type { CoreEnv } from '../context';
import { stmt } from '../db/stmt';

/**
 * Failed sign-ins slow the next attempt down: from the 5th consecutive failure on a username the
 * account is locked for 2^(failures-5) seconds (1 s, 2 s, 4 s … capped at 15 minutes). A success
 * resets the counter. Unknown usernames are counted like known ones.
 *
 * Counted atomically and before the password is checked: an attempt is reserved — refused while
 * the username is locked, otherwise counted as a failure, with the lock its count earns — in one
 * synchronous IMMEDIATE transaction, and only then is the (slow, asynchronous) scrypt verification
 * run; a success clears the count. So parallel attempts cannot all pass the lock check before the
 * first of them has failed: at most FREE_FAILURES + 1 of them are verified per lock window, also
 * across processes sharing the file.
 */
const FREE_FAILURES = 4;
const MAX_LOCK_MS = 15 * 60 * 1000;

export function lockMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_FAILURES - 1));
}

/** null when the attempt may go ahead (and has been counted), else the seconds the username stays locked. */
export function reserveAttempt(env: CoreEnv, username: string): number | null {
  const db = env.db.$client;
  const now = env.now();
  return db
    .transaction(() => {
      const lockedUntil = db.prepare('SELECT locked_until FROM login_attempts WHERE username = ?').pluck().get(username) as string | null | undefined;
      if (lockedUntil && lockedUntil > now.toISOString()) return Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000);
      const failures = db
        .prepare(
          `INSERT INTO login_attempts (username, failures, last_failure_at, locked_until) VALUES (?, 1, ?, NULL)
           ON CONFLICT(username) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at RETURNING failures`,
        )
        .pluck()
        .get(username, now.toISOString()) as number;
      const lock = lockMs(failures);
      db.prepare('UPDATE login_attempts SET locked_until = ? WHERE username = ?').run(lock ? new Date(now.getTime() + lock).toISOString() : null, username);
      return null;
    })
    .immediate();
}

/** A successful sign-in: the username's count starts again (part of the sign-in's transaction). */
export function clearAttempts(env: CoreEnv, username: string): void {
  stmt(env.db.$client, 'DELETE FROM login_attempts WHERE username = ?').run(username);
}
