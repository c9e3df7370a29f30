import type Database from 'better-sqlite3';
import { verifyHistory } from '../../electron/core/budgets/history';
import { createCore } from '../../electron/core/index';
import { IMPORT_ROWS, YEAR } from './workload';

/**
 * What must hold in the data folder after any crash (each returns problems as text, none = fine):
 * - the file opens (migrations, WAL recovery) and `PRAGMA integrity_check` is ok;
 * - no import half applied: every import round's partners are all there or none is;
 * - no budget save half applied: every version's lines carry one amount throughout;
 * - no approval half applied: at most one version in force per plan, every version's state is the
 *   last state of its history (the hash chain intact), and the ledger's allocations of every cell
 *   equal the amount of the version in force;
 * - the ledger invariant: budget vs actual (through the core, as finance) gives
 *   allocated = available + committed + actual on every row and the ledger's sums as totals.
 */
export async function checkDataDir(dataDir: string, financeToken: string): Promise<string[]> {
  const core = createCore({ dataDir, log: { info: () => {}, error: () => {} } });
  try {
    const db = core.env.db.$client;
    const problems = [...fileProblems(db), ...importProblems(db), ...saveProblems(db), ...approvalProblems(db)];
    const r = await core.call('budgets.vsActual', { fiscalYear: YEAR, dimensions: ['costType'], granularity: 'month' }, { token: financeToken });
    for (const row of [...r.rows, r.grandTotal]) {
      for (const f of [row.total, ...Object.values(row.buckets)]) {
        if (f.allocated !== f.available + f.committed + f.actual) problems.push(`ledger identity broken on ${JSON.stringify(row.keys)}: ${JSON.stringify(f)}`);
      }
    }
    const sums = db
      .prepare(
        `SELECT coalesce(sum(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount END), 0) AS allocated,
                coalesce(sum(CASE WHEN kind IN ('commitment','release') THEN amount END), 0) AS committed,
                coalesce(sum(CASE WHEN kind = 'actual' THEN amount END), 0) AS actual
         FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id JOIN budget_plans p ON p.id = l.plan_id WHERE p.fiscal_year = ?`,
      )
      .get(YEAR) as { allocated: number; committed: number; actual: number };
    const g = r.grandTotal.total;
    if (g.allocated !== sums.allocated || g.committed !== sums.committed || g.actual !== sums.actual) problems.push(`report totals ${JSON.stringify(g)} ≠ ledger ${JSON.stringify(sums)}`);
    return problems;
  } finally {
    core.close();
  }
}

function fileProblems(db: Database.Database): string[] {
  const rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((x) => x.integrity_check);
  return rows.length === 1 && rows[0] === 'ok' ? [] : [`integrity_check: ${rows.slice(0, 5).join('; ')}`];
}

export function importProblems(db: Database.Database): string[] {
  const rounds = db
    .prepare("SELECT substr(code, 1, instr(code, '-') - 1) AS round, count(*) AS n FROM partners WHERE code GLOB 'C*x*-[0-9][0-9][0-9]' GROUP BY round")
    .all() as { round: string; n: number }[];
  return rounds.filter((r) => r.n !== IMPORT_ROWS).map((r) => `import ${r.round} half applied: ${r.n} of ${IMPORT_ROWS} partners`);
}

function saveProblems(db: Database.Database): string[] {
  const months = Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
  const mixed = db
    .prepare(
      `SELECT version_id AS id, count(DISTINCT ${months.join(" || ',' || ")}) AS shapes, min(m01) AS lo, max(m01) AS hi, count(*) AS n,
              sum(${months.map((m) => `(${m} <> m01)`).join(' + ')}) AS uneven
       FROM budget_version_lines WHERE version_id IN (SELECT v.id FROM budget_versions v JOIN budget_plans p ON p.id = v.plan_id WHERE p.fiscal_year = ?)
       GROUP BY version_id`,
    )
    .all(YEAR) as { id: number; shapes: number; lo: number; hi: number; n: number; uneven: number }[];
  return mixed.filter((v) => v.shapes !== 1 || v.uneven !== 0).map((v) => `version ${v.id} half saved: amounts ${v.lo}…${v.hi} over ${v.n} lines`);
}

function approvalProblems(db: Database.Database): string[] {
  const out: string[] = [];
  const broken = verifyHistory(db);
  if (broken !== null) out.push(`history hash chain broken at entry ${broken}`);
  const states = db
    .prepare(
      `SELECT v.id, v.approval_state AS state,
              (SELECT h.to_state FROM document_history h WHERE h.document_type = 'budget_version' AND h.document_id = v.id ORDER BY h.id DESC LIMIT 1) AS last
       FROM budget_versions v`,
    )
    .all() as { id: number; state: string; last: string | null }[];
  for (const s of states) if (s.state !== s.last) out.push(`version ${s.id} is ${s.state} but its history ends at ${s.last}`);
  const cells = db
    .prepare(
      `WITH alloc AS (
         SELECT e.line_id, e.period, sum(e.amount) AS amount FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id JOIN budget_plans p ON p.id = l.plan_id
         WHERE p.fiscal_year = @year AND e.kind IN ('allocation','transfer_in','transfer_out') GROUP BY e.line_id, e.period),
       plan AS (
         SELECT vl.line_id, p.fiscal_year || '-' || printf('%02d', m.n) AS period,
                CASE m.n WHEN 1 THEN m01 WHEN 2 THEN m02 WHEN 3 THEN m03 WHEN 4 THEN m04 WHEN 5 THEN m05 WHEN 6 THEN m06
                         WHEN 7 THEN m07 WHEN 8 THEN m08 WHEN 9 THEN m09 WHEN 10 THEN m10 WHEN 11 THEN m11 ELSE m12 END AS amount
         FROM budget_version_lines vl JOIN budget_versions v ON v.id = vl.version_id AND v.in_force = 1 JOIN budget_plans p ON p.id = v.plan_id AND p.fiscal_year = @year
         JOIN (WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 12) SELECT n FROM k) m)
       SELECT a.line_id AS lineId, a.period, a.amount AS ledger, coalesce(p.amount, 0) AS planned FROM alloc a LEFT JOIN plan p USING (line_id, period)
       WHERE a.amount <> coalesce(p.amount, 0)
       UNION ALL
       SELECT p.line_id, p.period, 0, p.amount FROM plan p LEFT JOIN alloc a USING (line_id, period) WHERE a.line_id IS NULL AND p.amount <> 0`,
    )
    .all({ year: YEAR }) as { lineId: number; period: string; ledger: number; planned: number }[];
  for (const c of cells.slice(0, 5)) out.push(`cell ${c.lineId}|${c.period}: allocations ${c.ledger} ≠ version in force ${c.planned}`);
  const inForce = db.prepare('SELECT plan_id AS planId, count(*) AS n FROM budget_versions WHERE in_force = 1 GROUP BY plan_id HAVING n > 1').all() as { planId: number }[];
  for (const p of inForce) out.push(`plan ${p.planId} has more than one version in force`);
  return out;
}
