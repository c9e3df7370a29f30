import type Database from 'better-sqlite3';

/**
 * A bulk kind's plan, kept in a TEMP table of the core's connection instead of JavaScript objects:
 * one row per accepted file row (create / update / unchanged), with the values to write and the
 * change-log texts. TEMP tables live outside the database file (nothing is written to it by a dry
 * run), die with the connection, and let the commit write with INSERT … SELECT / UPDATE … FROM —
 * one statement each, several times faster than a prepared statement run per row from JavaScript,
 * and much lighter on memory than 100,000 planned objects.
 */
let next = 1;

export const STAGE_BASE = ['rowno INTEGER PRIMARY KEY', 'op TEXT NOT NULL', 'rec_id INTEGER', 'version INTEGER', 'key TEXT NOT NULL', 'changes TEXT'] as const;

export class Stage {
  readonly name: string;
  private readonly ins: Database.Statement;

  constructor(
    readonly client: Database.Database,
    /** the kind's own columns, SQL definitions, e.g. "code TEXT" */
    readonly columns: readonly string[],
  ) {
    this.name = `xl_stage_${process.pid}_${next++}`;
    client.exec(`CREATE TEMP TABLE ${this.name} (${[...STAGE_BASE, ...columns].join(', ')})`);
    const n = STAGE_BASE.length + columns.length;
    this.ins = client.prepare(`INSERT INTO temp.${this.name} VALUES (${Array.from({ length: n }, () => '?').join(', ')})`);
  }

  get table(): string {
    return `temp.${this.name}`;
  }

  /** rowno, op, rec_id, version, key, changes JSON, then the kind's columns in order */
  add(values: unknown[]): void {
    this.ins.run(...values);
  }

  counts(): Record<'create' | 'update' | 'unchanged', number> {
    const c = { create: 0, update: 0, unchanged: 0 };
    for (const r of this.client.prepare(`SELECT op, count(*) AS n FROM ${this.table} GROUP BY op`).all() as { op: keyof typeof c; n: number }[]) c[r.op] = r.n;
    return c;
  }

  /** Rows of the file that address the same record (same key, or same id): removed, returned. */
  takeDuplicates(): { rowno: number; key: string; rows: string }[] {
    // GROUP BY, not window functions: a partition of 100,000 creates (rec_id NULL) would make
    // group_concat OVER (...) quadratic
    const t = this.table;
    const dups = this.client
      .prepare(
        `WITH k AS (SELECT key AS g, group_concat(rowno, ', ') AS rows FROM ${t} GROUP BY key HAVING count(*) > 1),
              i AS (SELECT rec_id AS g, group_concat(rowno, ', ') AS rows FROM ${t} WHERE rec_id IS NOT NULL GROUP BY rec_id HAVING count(*) > 1)
         SELECT s.rowno, s.key, coalesce(k.rows, i.rows) AS rows FROM ${t} s LEFT JOIN k ON k.g = s.key LEFT JOIN i ON i.g = s.rec_id
         WHERE k.g IS NOT NULL OR i.g IS NOT NULL ORDER BY s.rowno`,
      )
      .all() as { rowno: number; key: string; rows: string }[];
    if (dups.length) this.client.prepare(`DELETE FROM ${this.table} WHERE rowno IN (SELECT value FROM json_each(?))`).run(JSON.stringify(dups.map((d) => d.rowno)));
    return dups;
  }

  page(op: string | undefined, offset: number, limit: number): { rowno: number; op: 'create' | 'update' | 'unchanged'; rec_id: number | null; key: string; changes: string | null }[] {
    const where = op ? 'WHERE op = ?' : '';
    return this.client
      .prepare(`SELECT rowno, op, rec_id, key, changes FROM ${this.table} ${where} ORDER BY rowno LIMIT ? OFFSET ?`)
      .all(...(op ? [op] : []), limit, offset) as never;
  }

  total(op: string | undefined): number {
    return this.client.prepare(`SELECT count(*) FROM ${this.table} ${op ? 'WHERE op = ?' : ''}`).pluck().get(...(op ? [op] : [])) as number;
  }

  drop(): void {
    try {
      this.client.exec(`DROP TABLE IF EXISTS ${this.table}`);
    } catch {
      // the connection is closed: the table went with it
    }
  }
}
