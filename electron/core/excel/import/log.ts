import type { ImportCounts, ImportLogEntry } from '../../../../shared/api/areas/excel';
import type { AuthedCtx } from '../../context';

/** The import log: one row per committed import (file, SHA-256, user, time, mode, counts). */
const SELECT = `SELECT i.id, i.kind, i.file_name AS fileName, i.sha256, i.sheet, i.user_id AS userId, u.username, i.at, i.mode,
  i.total_rows AS totalRows, i.created, i.updated, i.unchanged, i.rejected
  FROM excel_imports i JOIN users u ON u.id = i.user_id`;

export function logImport(
  ctx: AuthedCtx,
  e: { kind: string; fileName: string; sha256: string; sheet: string; mode: 'all_or_nothing' | 'skip_rejected'; counts: ImportCounts },
): number {
  return Number(
    ctx.db.$client
      .prepare(
        `INSERT INTO excel_imports (kind, file_name, sha256, sheet, user_id, at, mode, total_rows, created, updated, unchanged, rejected)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(e.kind, e.fileName, e.sha256, e.sheet, ctx.user.id, ctx.now().toISOString(), e.mode, e.counts.total, e.counts.create, e.counts.update, e.counts.unchanged, e.counts.rejected)
      .lastInsertRowid,
  );
}

/** Imports the caller may see: administrators all, others their own. */
export function listImports(ctx: AuthedCtx, kind: string | undefined, limit: number): ImportLogEntry[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (ctx.user.role !== 'admin') {
    where.push('i.user_id = ?');
    params.push(ctx.user.id);
  }
  if (kind) {
    where.push('i.kind = ?');
    params.push(kind);
  }
  return ctx.db.$client
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.id DESC LIMIT ?`)
    .all(...params, limit) as ImportLogEntry[];
}

/** Earlier imports of the same file (by SHA-256) into the same kind, newest first. */
export function previousImports(ctx: AuthedCtx, sha256: string, kind: string): ImportLogEntry[] {
  if (!sha256) return [];
  const own = ctx.user.role === 'admin' ? '' : ' AND i.user_id = ?';
  return ctx.db.$client
    .prepare(`${SELECT} WHERE i.sha256 = ? AND i.kind = ?${own} ORDER BY i.id DESC LIMIT 5`)
    .all(sha256, kind, ...(own ? [ctx.user.id] : [])) as ImportLogEntry[];
}
