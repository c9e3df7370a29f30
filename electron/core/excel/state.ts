import type { KindDef } from './kinds/types';
import type { StoredFile } from './files';
import type { DryRun } from './import/store';
import { DEFAULT_EXCEL_LIMITS, type ExcelLimits } from './config';

/**
 * What the Excel exchange remembers between calls, owned by one core: its temporary files, its
 * running jobs (and cancels waiting for theirs), its kept dry runs and its registry of kinds.
 * Created by createCore (index.ts) and reached through the context (`ctx.excel`), never a module
 * variable: two cores in one process (tests, a restore drill, a second data folder) share nothing.
 */
export interface ExcelState {
  files: Map<string, StoredFile>;
  jobs: {
    running: Map<string, AbortController>;
    /** cancels that came before their job: key → until when */
    pending: Map<string, number>;
    /** jobs that ended lately: key → when */
    ended: Map<string, number>;
  };
  dryRuns: Map<string, DryRun>;
  kinds: Map<string, KindDef>;
  /** the limits on accepted files (config.ts); tests and benchmarks change them per core */
  limits: ExcelLimits;
}

export function createExcelState(kinds: readonly KindDef[]): ExcelState {
  return {
    files: new Map(),
    jobs: { running: new Map(), pending: new Map(), ended: new Map() },
    dryRuns: new Map(),
    kinds: new Map(kinds.map((k) => [k.kind, k])),
    limits: { ...DEFAULT_EXCEL_LIMITS },
  };
}
