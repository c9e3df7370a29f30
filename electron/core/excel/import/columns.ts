import type { InspectedColumn } from '../../../../shared/api/areas/excel';
import type { OrgCtx } from '../../context';
import { cellText, findHeaderRow, headerIndex, normaliseHeader } from '../headers';
import { fileError } from '../read/errors';
import type { KindDef } from '../kinds/types';
import type { RawRow } from '../worker/protocol';
import { stmt } from '../../db/stmt';

/**
 * From a sheet's first rows to its columns: the header row, and for each header the column of the
 * kind it feeds. Precedence: the mapping the user confirmed in this wizard, then the header's own
 * name (either language, aliases), then a mapping remembered for this kind from an earlier import.
 */
export interface ResolvedColumns {
  headerRow: number;
  columns: InspectedColumn[];
  missingRequired: string[];
}

export function loadMappings(ctx: OrgCtx, kind: string): Map<string, string> {
  const rows = stmt(ctx.db.$client, 'SELECT header, column_key AS columnKey FROM excel_mappings WHERE kind = ?').all(kind) as { header: string; columnKey: string }[];
  return new Map(rows.map((r) => [r.header, r.columnKey]));
}

/** Remembers the user's choices (column key, or '' = ignore) for headers the names did not match; runs inside the commit. */
export function saveMappings(ctx: OrgCtx, kind: string, columns: InspectedColumn[]): void {
  const put = stmt(
    ctx.db.$client,
    `INSERT INTO excel_mappings (kind, header, column_key, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, header) DO UPDATE SET column_key = excluded.column_key, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const now = ctx.now().toISOString();
  for (const c of columns) if (c.source === 'mapping') put.run(kind, normaliseHeader(c.header), c.columnKey ?? '', ctx.user.id, now);
}

export function resolveColumns(kind: KindDef, sample: readonly RawRow[], mapping: Record<string, string | null>, remembered: Map<string, string>): ResolvedColumns {
  const importable = kind.columns.filter((c) => c.importable !== false);
  const byName = headerIndex(importable.map((c) => ({ key: c.key, names: [c.header['zh-CN'], c.header.en, ...(c.aliases ?? [])] })));
  const exportOnly = headerIndex(kind.columns.filter((c) => c.importable === false).map((c) => ({ key: c.key, names: [c.header['zh-CN'], c.header.en] })));
  const explicit = new Map(Object.entries(mapping).map(([k, v]) => [normaliseHeader(k), v]));
  const keys = new Set(importable.map((c) => c.key));
  const header = findHeaderRow(sample, (n) => byName.has(n) || remembered.has(n) || explicit.has(n));
  // the first row's texts travel with the refusal: the wizard can offer to map them by hand
  if (!header) throw fileError('excel_no_header', undefined, { firstRow: (sample[0]?.cells ?? []).map(cellText) });

  const columns: InspectedColumn[] = [];
  header.cells.forEach((cell, i) => {
    const text = cellText(cell);
    if (!text) return;
    const n = normaliseHeader(text);
    let key: string | null = null;
    let source: InspectedColumn['source'] = 'none';
    if (explicit.has(n)) {
      const v = explicit.get(n) ?? null;
      key = v && keys.has(v) ? v : null;
      source = 'mapping';
    } else if (byName.has(n)) {
      key = byName.get(n)!;
      source = 'name';
    } else if (remembered.has(n)) {
      const v = remembered.get(n)!;
      key = v && keys.has(v) ? v : null;
      source = 'remembered';
    } else if (exportOnly.has(n)) {
      source = 'name'; // a column our exports add for reading only (ignored)
    }
    columns.push({ index: i + 1, header: text, columnKey: key, source });
  });
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (!c.columnKey) continue;
    const other = seen.get(c.columnKey);
    if (other !== undefined) throw fileError('excel_duplicate_column', { column: c.columnKey, headers: `${other}, ${c.header}` });
    seen.set(c.columnKey, c.header);
  }
  const missingRequired = importable.filter((c) => c.required && !seen.has(c.key)).map((c) => c.key);
  return { headerRow: header.row, columns, missingRequired };
}
