import type { RowIssue } from '../../../../shared/api/areas/excel';
import type { OrgCtx } from '../../context';
import { excelLimits } from '../config';
import type { StoredFile } from '../files';
import type { JobHandle } from '../jobs';
import { throwIfCancelled } from '../jobs';
import { loadRefs } from '../kinds/refs';
import type { ImportRow, KindDef } from '../kinds/types';
import { fileError } from '../read/errors';
import { readInWorker } from '../worker/pool';
import type { ReadTask, TypedBatch } from '../worker/protocol';
import { nameScope, toIssues } from './rows';
import { Stage } from './stage';

/**
 * Reads a file's data rows in the worker and plans them as they arrive (the worker parses the
 * next batch while this thread checks the previous one): cell problems become issues; bulk kinds
 * check each row against the rules and put it into a stage table; service kinds keep the rows for
 * their transaction. Nothing is written to the database.
 */
export interface ReadPlan {
  sheet: string;
  headerRow: number;
  columns: ReadTask['columns'];
  /** header text per column key */
  headers: Record<string, string>;
  /** the sheet's rows as the inspect step counted them, for the read's progress total */
  rowsHint?: number;
}

export interface Planned {
  dataRows: number;
  cellIssues: RowIssue[];
  ruleIssues: RowIssue[];
  /** bulk kinds */
  stage: Stage | null;
  /** bulk kinds: the database summary the plan holds for ('' = it changed while planning) */
  fingerprint: string;
  /** service kinds: the rows to apply */
  rows: ImportRow[];
  /** service kinds: rows with unreadable cells, to check (never to apply) */
  badRows: ImportRow[];
}

const BATCH = 2000;

export async function planFile(ctx: OrgCtx, kind: KindDef, file: StoredFile, check: ReadTask['check'], plan: ReadPlan, job: JobHandle): Promise<Planned> {
  const present = new Set(plan.columns.map((p) => p.spec.key));
  const keys = plan.columns.map((p) => p.spec.key);
  const refs = loadRefs(ctx, kind.refTables);
  const stage = kind.strategy === 'bulk' ? new Stage(ctx.db.$client, kind.stageColumns) : null;
  const planner = kind.strategy === 'bulk' ? kind.planner(ctx, refs, stage!) : null;
  const fingerprint = kind.strategy === 'bulk' ? kind.fingerprint(ctx) : '';
  const rows: ImportRow[] = [];
  const badRows: ImportRow[] = [];
  const cellIssues: RowIssue[] = [];
  const ruleIssues: RowIssue[] = [];
  const width = keys.length;
  const onBatch = (batch: TypedBatch) => {
    for (const p of batch.problems) {
      const key = keys[p.col]!;
      cellIssues.push({ row: batch.rows[p.i]!, column: plan.headers[key] ?? key, columnKey: key, value: p.value, reason: p.reason, ...(p.params ? { params: p.params } : {}) });
    }
    const badKeys = new Map<number, Set<string>>();
    for (const p of batch.problems) (badKeys.get(p.i) ?? badKeys.set(p.i, new Set()).get(p.i)!).add(keys[p.col]!);
    const ok: ImportRow[] = [];
    const checkOnly: ImportRow[] = [];
    for (let i = 0; i < batch.rows.length; i++) {
      const v: ImportRow['v'] = {};
      for (let k = 0; k < width; k++) v[keys[k]!] = batch.values[i * width + k]!;
      const failed = badKeys.get(i);
      if (!failed) {
        ok.push({ row: batch.rows[i]!, v, present });
        continue;
      }
      // a row with unreadable cells is still checked by the rules, without those cells, so the
      // report lists every problem of the row in one round; it is never planned or written
      for (const key of failed) delete v[key];
      checkOnly.push({ row: batch.rows[i]!, v, present: new Set([...present].filter((k) => !failed.has(k))), failed });
    }
    if (planner) for (const x of planner.plan([...ok, ...checkOnly])) ruleIssues.push(...toIssues(x.row, x.issues, plan.headers));
    else {
      rows.push(...ok);
      badRows.push(...checkOnly);
    }
  };
  try {
    const read = await readInWorker(
      { task: 'read', path: file.path, fileName: file.name, sheet: plan.sheet, limits: excelLimits(ctx), check, rowsHint: plan.rowsHint, headerRow: plan.headerRow, columns: plan.columns, batchSize: BATCH },
      job.signal,
      onBatch,
      (done, total) => job.progress('read', done, total),
    );
    throwIfCancelled(job.signal);
    if (read.dataRows === 0) throw fileError('excel_no_data');
    let same = fingerprint;
    if (stage) {
      job.progress('validate', read.dataRows, read.dataRows);
      for (const d of stage.takeDuplicates()) {
        ruleIssues.push({ row: d.rowno, column: plan.headers.code ?? '', columnKey: 'code', value: d.key, reason: 'x.duplicate_in_file', params: { rows: d.rows } });
      }
      // the plan holds if nothing it read changed while the file was being read
      if (kind.strategy === 'bulk' && kind.fingerprint(ctx) !== fingerprint) same = '';
    }
    return { dataRows: read.dataRows, cellIssues, ruleIssues: nameScope(ctx, ruleIssues), stage, fingerprint: same, rows, badRows };
  } catch (e) {
    stage?.drop();
    throw e;
  }
}
