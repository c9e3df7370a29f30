import type Database from 'better-sqlite3';

/**
 * The services' one way to SQL they write by hand: better-sqlite3 statements prepared once per
 * connection and kept with it (a WeakMap keyed by the connection: a reopened database — a restore —
 * gets its own set; a closed one's set goes with it). Drizzle's query builder stays for single
 * records of the master data; lists, reports, documents and every bulk path use `stmt` (see
 * README "Database access"). SQL text that varies per call (a temp table's name, an IN list of
 * a different length) must not go through the cache: prepare it directly, or bind a JSON array.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection. `pluck` statements are cached separately. */
export function stmt(db: Database.Database, sql: string, pluck = false): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = pluck ? `P|${sql}` : sql;
  let s = cache.get(key);
  if (!s) {
    s = db.prepare(sql);
    if (pluck) s.pluck(true);
    cache.set(key, s);
  }
  return s;
}
