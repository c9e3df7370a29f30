import ExcelJS from 'exceljs';
import type { TestCore } from '../testing';
import type { World } from './world';

/**
 * What the scope walk checks after each call: a fingerprint of every table a call could write
 * (so a refused call provably wrote nothing), and the rows of the other branch an answer or a
 * produced file would show.
 */

/** Tables that record the caller's own activity, not org data: sessions, sign-ins, the import log, remembered mappings. */
const OWN_ACTIVITY = new Set(['sessions', 'login_attempts', 'excel_imports', 'excel_mappings']);

/** Per table: row count, the sum of its numbers and the total length of its values. */
export function fingerprint(core: TestCore): Record<string, string> {
  const db = core.env.db.$client;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'").pluck().all() as string[])
    .filter((t) => !OWN_ACTIVITY.has(t));
  const out: Record<string, string> = {};
  for (const t of tables) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]).map((c) => `"${c}"`);
    const nums = cols.map((c) => `total(CASE WHEN typeof(${c}) IN ('integer','real') THEN ${c} END)`).join(' + ');
    const lens = cols.map((c) => `total(length(${c}))`).join(' + ');
    const r = db.prepare(`SELECT count(*) AS n, ${nums} AS s, ${lens} AS l FROM "${t}"`).get() as { n: number; s: number; l: number };
    out[t] = `${r.n}:${r.s}:${r.l}`;
  }
  return out;
}

/** The tables whose fingerprint differs. */
export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]).sort();
}

const ORG_KEYS = new Set(['orgUnitId', 'orgUnitIds', 'parentId', 'branch', 'county', 'orgUnit', 'branchId', 'countyId']);
const LINE_KEYS = new Set(['lineId', 'lineIds', 'fromLineId', 'toLineId']);
const USER_KEYS = new Set(['userId', 'fromUserId', 'toUserId', 'ownerUserId', 'byUserId', 'createdBy', 'submittedBy', 'decidedBy', 'managerUserId']);
const LABEL = /^(branch|county|orgUnit):(\d+)$/;

/**
 * Everything of the other branch an answer shows, as readable findings: org units (by id keys,
 * OrgUnit records, report labels), budget lines (by their unit) and users assigned only there.
 */
export function otherRows(w: World, answer: unknown): string[] {
  const db = w.core.env.db.$client;
  const lineUnit = db.prepare('SELECT org_unit_id FROM budget_lines WHERE id = ?').pluck();
  const found: string[] = [];
  const nums = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(nums) : typeof v === 'number' ? [v] : []);
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('pathIds' in o && typeof o.id === 'number' && w.other.units.has(o.id)) found.push(`${path}: org unit ${o.id}`);
    if ('username' in o && 'role' in o && typeof o.id === 'number' && w.other.users.has(o.id)) found.push(`${path}: user ${o.id}`);
    for (const [k, x] of Object.entries(o)) {
      // an import issue's params echo the caller's own cell (the unit they typed), not stored data
      if (k === 'params') continue;
      const at = `${path}.${k}`;
      const label = LABEL.exec(k);
      if (label && w.other.units.has(Number(label[2]))) found.push(`${at}: label of org unit ${label[2]}`);
      if (ORG_KEYS.has(k)) for (const id of nums(x)) if (w.other.units.has(id)) found.push(`${at}: org unit ${id}`);
      if (LINE_KEYS.has(k)) for (const id of nums(x)) if (w.other.units.has(lineUnit.get(id) as number)) found.push(`${at}: line ${id}`);
      if (USER_KEYS.has(k)) for (const id of nums(x)) if (w.other.users.has(id)) found.push(`${at}: user ${id}`);
      visit(x, at);
    }
  };
  visit(answer, '');
  return found;
}

/** Cells of every sheet of a produced xlsx that name an org unit (by code) or a user (by username) of the other branch. */
export async function otherCells(w: World, path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const found: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const text = String(cell.text ?? '');
        // a reference cell is "CODE name", or a list of codes "KM-WH, QJ"; prose mentioning a code is not
        for (const token of text.split(/,\s*/).map((part) => part.trim().split(/\s+/, 1)[0]!)) {
          if (w.other.codes.has(token) || w.other.usernames.has(token)) found.push(`${ws.name}!R${r}C${c}: ${text}`);
        }
      }),
    ),
  );
  return found;
}
