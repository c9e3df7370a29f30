import type { ImportCounts, ImportLogEntry } from '../../../../shared/api/areas/excel';
import type { AuthedCtx, OrgCtx } from '../../context';
import { visibleUserIds } from '../../master/partners';

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

/**
 * Whose imports the caller may see: administrators those of every user they see (users.list —
 * the whole company for a company administrator, the branch's people for a branch one), others
 * their own. As a WHERE term on `i.user_id`.
 */
function whose(ctx: OrgCtx): { where: string; params: unknown[] } {
  if (ctx.user.role !== 'admin') return { where: 'i.user_id = ?', params: [ctx.user.id] };
  if (ctx.scope.all) return { where: '1 = 1', params: [] };
  return { where: 'i.user_id IN (SELECT value FROM json_each(?))', params: [JSON.stringify([...visibleUserIds(ctx)])] };
}

/** Imports the caller may see (see `whose`), newest first. */
export function listImports(ctx: OrgCtx, kind: string | undefined, limit: number): ImportLogEntry[] {
  const w = whose(ctx);
  const where = [w.where, ...(kind ? ['i.kind = ?'] : [])];
  return ctx.db.$client
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY i.id DESC LIMIT ?`)
    .all(...w.params, ...(kind ? [kind] : []), limit) as ImportLogEntry[];
}

/** Earlier imports of the same file (by SHA-256) into the same kind that the caller may see, newest first. */
export function previousImports(ctx: OrgCtx, sha256: string, kind: string): ImportLogEntry[] {
  if (!sha256) return [];
  const w = whose(ctx);
  return ctx.db.$client
    .prepare(`${SELECT} WHERE i.sha256 = ? AND i.kind = ? AND ${w.where} ORDER BY i.id DESC LIMIT 5`)
    .all(sha256, kind, ...w.params) as ImportLogEntry[];
}
