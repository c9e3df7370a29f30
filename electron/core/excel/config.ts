/**
 * Limits on files the importer accepts. They are checked before any cell is parsed (zip
 * entries, sizes, compression ratio, rows) and again while reading.
 */
export interface ExcelLimits {
  /** the uploaded file itself */
  maxFileBytes: number;
  /** entries in the zip of an xlsx */
  maxEntries: number;
  /** sum of the uncompressed sizes of all entries */
  maxUncompressedBytes: number;
  /** an entry larger than `ratioFloorBytes` inflating more than this many times its size is a zip bomb */
  maxRatio: number;
  ratioFloorBytes: number;
  /** data rows after the header row */
  maxRows: number;
}

export const DEFAULT_EXCEL_LIMITS: Readonly<ExcelLimits> = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxRows: 200_000,
};

/** A core's limits: its own (`env.excel.limits`), so a test lowering them touches no other core. */
export const excelLimits = (env: { excel: { limits: ExcelLimits } }): ExcelLimits => env.excel.limits;

/** Tests and benchmarks lower or raise a core's limits; the API never does. */
export function configureExcel(env: { excel: { limits: ExcelLimits } }, patch: Partial<ExcelLimits>): () => void {
  const before = env.excel.limits;
  env.excel.limits = { ...before, ...patch };
  return () => {
    env.excel.limits = before;
  };
}

/** How long a dry run is kept for its commit, and how long produced/uploaded files live. */
export const JOB_TTL_MS = 30 * 60 * 1000;
export const FILE_TTL_MS = 24 * 60 * 60 * 1000;
