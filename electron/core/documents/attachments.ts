import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Attachment } from '../../../shared/api/areas/documentTypes';
import { ApiError } from '../../../shared/api/errors';
import { inTx, stmt } from '../budgets/sql';
import type { CoreEnv, OrgCtx } from '../context';
import { getFile } from '../excel/files';
import { notFound } from '../master/common';
import type { DocFacts } from '../workflow/types';
import { requireAuthor, requireEditable, requireRead } from './access';

/**
 * Proof attachments (photos, invoices, PDFs): the type is decided by the file's first bytes, never
 * by its name; at most 10 MB; stored once per content in <dataDir>/attachments/<aa>/<sha256>
 * (the upload's SHA-256, computed while it was written), so the same photo attached twice —
 * anywhere in the company — is one file and is flagged as a duplicate on both documents.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
type Mime = Attachment['mime'];

export function sniffMime(head: Buffer): Mime | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

const blobPath = (env: CoreEnv, sha: string) => join(env.dataDir, 'attachments', sha.slice(0, 2), sha);

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(16);
    const n = readSync(fd, b, 0, 16, 0);
    return b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const SELECT = `SELECT a.id, a.doc_type AS docType, a.doc_id AS docId, a.name, b.mime, b.size, a.sha256, a.level, a.uploaded_by AS uploadedBy,
  u.display_name AS uploadedByName, a.uploaded_at AS uploadedAt FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256 JOIN users u ON u.id = a.uploaded_by`;

/** Other documents carrying the same file (claims and requests, by number). */
function duplicatesOf(db: Database.Database, a: { id: number; sha256: string }): Attachment['duplicates'] {
  return stmt(
    db,
    `SELECT a.doc_type AS docType, a.doc_id AS docId, coalesce(c.number, r.number, '') AS number FROM attachments a
     LEFT JOIN claims c ON a.doc_type = 'claim' AND c.id = a.doc_id LEFT JOIN cost_requests r ON a.doc_type = 'cost_request' AND r.id = a.doc_id
     WHERE a.sha256 = ? AND a.id <> ? AND a.removed = 0 AND coalesce(c.approval_state, r.approval_state) NOT IN ('cancelled', 'rejected')
       AND NOT (a.doc_type = (SELECT doc_type FROM attachments WHERE id = ?) AND a.doc_id = (SELECT doc_id FROM attachments WHERE id = ?))
     ORDER BY a.id`,
  ).all(a.sha256, a.id, a.id, a.id) as Attachment['duplicates'];
}

export function attachmentsOf(db: Database.Database, docType: string, docId: number): Attachment[] {
  const rows = stmt(db, `${SELECT} WHERE a.doc_type = ? AND a.doc_id = ? AND a.removed = 0 ORDER BY a.id`).all(docType, docId) as Omit<Attachment, 'duplicates'>[];
  return rows.map((r) => ({ ...r, duplicates: duplicatesOf(db, r) }));
}

export function addAttachment(ctx: OrgCtx, doc: DocFacts, fileId: string, level: Attachment['level']): Attachment {
  requireAuthor(ctx, doc);
  requireEditable(doc);
  const f = getFile(ctx, ctx.user.id, fileId);
  const id = attachVerified(ctx, doc, { name: f.name, size: f.size, sha256: f.sha256, head: () => readHead(f.path), store: (target) => copyFileSync(f.path, target) }, level);
  return attachmentsOf(ctx.db.$client, doc.type, doc.id).find((a) => a.id === id)!;
}

/**
 * The same attachment from bytes in memory (the demo's proof scans): the same checks, the blob
 * stored once by its SHA-256, the same rows — without a round trip through an upload file.
 * Returns the attachment's id (the caller reads the document once, at the end).
 */
export function addAttachmentBytes(ctx: OrgCtx, doc: DocFacts, name: string, bytes: Buffer, level: Attachment['level']): number {
  requireAuthor(ctx, doc);
  requireEditable(doc);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return attachVerified(ctx, doc, { name, size: bytes.length, sha256, head: () => bytes.subarray(0, 16), store: (target) => writeFileSync(target, bytes) }, level);
}

interface Incoming {
  name: string;
  size: number;
  sha256: string;
  head(): Buffer;
  store(target: string): void;
}

/** Size and type by content, the blob once per SHA-256 in the data folder, then the rows. */
function attachVerified(ctx: OrgCtx, doc: DocFacts, f: Incoming, level: Attachment['level']): number {
  if (f.size > ATTACHMENT_MAX_BYTES) throw new ApiError('file_too_large', 'An attachment may be at most 10 MB', { size: f.size, max: ATTACHMENT_MAX_BYTES });
  const mime = sniffMime(f.head());
  if (!mime) throw new ApiError('file_type_refused', 'Only JPEG, PNG and PDF files can be attached (checked by their content)', { name: f.name });
  const target = blobPath(ctx, f.sha256);
  if (!existsSync(target)) {
    mkdirSync(join(target, '..'), { recursive: true });
    f.store(target);
  }
  return inTx(ctx, () => {
    const db = ctx.db.$client;
    const now = ctx.now().toISOString();
    stmt(db, 'INSERT INTO attachment_blobs (sha256, size, mime, created_at) VALUES (?,?,?,?) ON CONFLICT (sha256) DO NOTHING').run(f.sha256, f.size, mime, now);
    return Number(
      stmt(db, 'INSERT INTO attachments (doc_type, doc_id, sha256, name, level, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?)').run(doc.type, doc.id, f.sha256, f.name, level, ctx.user.id, now)
        .lastInsertRowid,
    );
  });
}

export function attachmentRow(db: Database.Database, id: number): Omit<Attachment, 'duplicates'> & { removed?: number } {
  const a = stmt(db, `${SELECT} WHERE a.id = ? AND a.removed = 0`).get(id) as Omit<Attachment, 'duplicates'> | undefined;
  if (!a) throw notFound('attachment', id);
  return a;
}

export function removeAttachment(ctx: OrgCtx, doc: DocFacts, id: number): void {
  requireAuthor(ctx, doc);
  requireEditable(doc);
  stmt(ctx.db.$client, 'UPDATE attachments SET removed = 1 WHERE id = ?').run(id);
}

/**
 * The bytes for preview. Confidential attachments (SPEC §7) only for the document's author and
 * owner, the people on its route, and finance.
 */
export function attachmentContent(ctx: OrgCtx, doc: DocFacts, a: Omit<Attachment, 'duplicates'>): { mime: Mime; name: string; dataBase64: string } {
  requireRead(ctx, doc);
  if (a.level === 'confidential' && ctx.user.role !== 'finance' && ctx.user.id !== doc.createdBy && ctx.user.id !== doc.ownerUserId) {
    const onRoute = (stmt(ctx.db.$client, 'SELECT count(*) FROM approval_tasks WHERE doc_type = ? AND doc_id = ? AND (assignee_id = ? OR decided_by = ?)', true).get(doc.type, doc.id, ctx.user.id, ctx.user.id) as number) > 0;
    if (!onRoute) throw new ApiError('forbidden', 'This attachment is confidential', { id: a.id });
  }
  return { mime: a.mime, name: a.name, dataBase64: readFileSync(blobPath(ctx, a.sha256)).toString('base64') };
}
