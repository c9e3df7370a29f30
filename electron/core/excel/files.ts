import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import type { FileRef } from '../../../shared/api/areas/excel';
import { resolveSession } from '../auth/session';
import { redeemTicket } from '../auth/tickets';
import type { CoreEnv } from '../context';
import { excelLimits, FILE_TTL_MS } from './config';
import { prewarm } from './worker/pool';
import type { InspectResult } from './worker/protocol';

/**
 * Temporary files of the Excel exchange, in <dataDir>/tmp: uploads to import, and the files the
 * core produces (exports, templates, error reports). A file belongs to the user who uploaded or
 * produced it; its id is 128 random bits; it is deleted a day after it was made (and orphans of
 * an earlier run on the next upload). Metadata lives in memory, with the core (env.excel.files).
 */
export interface StoredFile extends FileRef {
  path: string;
  dataDir: string;
  userId: number;
  sha256: string;
  createdAt: number;
  /** inspections by sheet ('' = default sheet), so a dry run does not check the file twice */
  inspected: Map<string, InspectResult>;
}

export const tmpDir = (dataDir: string) => join(dataDir, 'tmp');

/** file names as they may be offered for download: no path parts, no control characters */
export function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return base.slice(-200) || 'file';
}

function sweep(env: CoreEnv): void {
  const files = env.excel.files;
  const dataDir = env.dataDir;
  const now = Date.now();
  for (const [id, f] of files) {
    if (now - f.createdAt > FILE_TTL_MS) {
      files.delete(id);
      rmSync(f.path, { force: true });
    }
  }
  try {
    for (const name of readdirSync(tmpDir(dataDir))) {
      const p = join(tmpDir(dataDir), name);
      if (!files.has(name) && now - statSync(p).mtimeMs > FILE_TTL_MS) rmSync(p, { force: true });
    }
  } catch {
    // no tmp folder yet
  }
}

function register(env: CoreEnv, userId: number, name: string, path: string, size: number, sha256: string, fileId: string): StoredFile {
  const f: StoredFile = { fileId, name: safeName(name), size, path, dataDir: env.dataDir, userId, sha256, createdAt: Date.now(), inspected: new Map() };
  env.excel.files.set(fileId, f);
  return f;
}

/** Stores an upload (a stream or bytes), hashing it on the way; refuses files over the limit. */
export async function putFile(env: CoreEnv, userId: number, name: string, data: Readable | Buffer): Promise<StoredFile> {
  sweep(env);
  mkdirSync(tmpDir(env.dataDir), { recursive: true });
  const fileId = randomBytes(16).toString('hex');
  const path = join(tmpDir(env.dataDir), fileId);
  const hash = createHash('sha256');
  const limit = excelLimits(env).maxFileBytes;
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > limit) return cb(new ApiError('file_too_large', 'The file is too large', { limitMb: Math.round(limit / 1048576) }));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const source: Readable = Buffer.isBuffer(data) ? (await import('node:stream')).Readable.from([data]) : data;
  try {
    await pipeline(source, count, createWriteStream(path));
  } catch (e) {
    rmSync(path, { force: true });
    throw e instanceof ApiError ? e : new ApiError('file_upload_failed', 'The upload did not complete');
  }
  prewarm();
  return register(env, userId, name, path, size, hash.digest('hex'), fileId);
}

/** A new file the core will write (export, template, report); call `done` when written. */
export function newFile(env: CoreEnv, userId: number, name: string): { path: string; done: () => StoredFile } {
  sweep(env);
  mkdirSync(tmpDir(env.dataDir), { recursive: true });
  const fileId = randomBytes(16).toString('hex');
  const path = join(tmpDir(env.dataDir), fileId);
  return {
    path,
    done: () => register(env, userId, name, path, statSync(path).size, '', fileId),
  };
}

export function getFile(env: CoreEnv, userId: number, fileId: string): StoredFile {
  const f = env.excel.files.get(fileId);
  if (!f || f.userId !== userId || f.dataDir !== env.dataDir) throw new ApiError('file_not_found', 'The file is no longer available; upload or export it again');
  return f;
}

export const fileRef = (f: StoredFile): FileRef => ({ fileId: f.fileId, name: f.name, size: f.size });

function openFor(env: CoreEnv, userId: number, fileId: string): { path: string; name: string; size: number } {
  if (!/^[a-f0-9]{32}$/.test(fileId)) throw new ApiError('file_not_found', 'The file is no longer available');
  const f = getFile(env, userId, fileId);
  return { path: f.path, name: f.name, size: f.size };
}

/**
 * The doors the transports use (the upload and download routes of the web server, the save
 * dialog of the desktop app): each resolves the session first, from the token or the download ticket.
 */
export function fileAccess(env: CoreEnv) {
  return {
    upload: async (token: string | null | undefined, name: string, data: Readable | Buffer): Promise<FileRef> => {
      const { user } = resolveSession(env, token);
      return fileRef(await putFile(env, user.id, name, data));
    },
    /** the desktop's save dialog: the session token comes with the IPC call, never in a URL */
    open: (token: string | null | undefined, fileId: string) => openFor(env, resolveSession(env, token).user.id, fileId),
    /** the browser's download route: a single-use ticket issued by `files.saveAs` for this file */
    redeem: (ticket: string | null | undefined, fileId: string) => openFor(env, redeemTicket(env, ticket, 'download', fileId).user.id, fileId),
  };
}
