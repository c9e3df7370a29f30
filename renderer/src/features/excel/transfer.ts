import type { FileRef } from '@shared/api/areas/excel';
import { ApiError, type Envelope } from '@shared/api/errors';
import { call, getToken, isDesktop } from '../../api/client';

/**
 * Moving files between the user and the core, the way each transport expects it
 * (shared/api/areas/excel.ts): the desktop app sends an upload's bytes with `files.put` and saves
 * a produced file with `files.saveAs` (the native save dialog, in main); a browser streams the
 * upload to `POST /api/upload` and downloads from the route `files.saveAs` names.
 */

/** A job id as the core accepts it: 32 hex digits. */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type UploadProgress = (done: number, total: number) => void;

export async function uploadFile(file: File, onProgress: UploadProgress, signal: AbortSignal): Promise<FileRef> {
  if (isDesktop()) {
    onProgress(0, file.size);
    const ref = await call('files.put', { name: file.name, dataBase64: await base64Of(file) });
    onProgress(file.size, file.size);
    return ref;
  }
  return new Promise<FileRef>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    const token = getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let env: Envelope<FileRef>;
      try {
        env = JSON.parse(xhr.responseText) as Envelope<FileRef>;
      } catch {
        return reject(new ApiError('file_upload_failed', `HTTP ${xhr.status}`));
      }
      if (env.ok) resolve(env.data);
      else reject(ApiError.from(env.error));
    };
    xhr.onerror = () => reject(new ApiError('network', 'Cannot reach the service'));
    xhr.onabort = () => reject(new ApiError('excel_cancelled', 'Cancelled'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new ApiError('file_upload_failed', 'The file could not be read'));
    r.readAsDataURL(file);
  });
}

/** What became of a produced file: saved where the user chose (desktop), downloaded, or not saved. */
export type Delivered = { kind: 'saved'; path: string } | { kind: 'downloaded' } | { kind: 'dismissed' };

/** Hands a file the core produced (export, template, error report) to the user. */
export async function deliverFile(ref: FileRef): Promise<Delivered> {
  const r = await call('files.saveAs', { fileId: ref.fileId });
  if (isDesktop()) return r.saved && r.path ? { kind: 'saved', path: r.path } : { kind: 'dismissed' };
  const a = document.createElement('a');
  a.href = r.downloadUrl; // carries a single-use ticket for this file, never the session token
  a.download = ref.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return { kind: 'downloaded' };
}

/** 1.2 MB, 830 KB, 120 B */
export function fileSize(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
