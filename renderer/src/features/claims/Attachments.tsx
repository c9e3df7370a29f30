import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '@shared/api/areas/documents';
import { call } from '../../api/client';
import { dateTime } from '../../format';
import { errorText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { fileSize, uploadFile } from '../excel/transfer';

/** The bytes of an attachment as an object URL (revoked when no longer shown). */
function useContentUrl(id: number | null) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    let made: string | null = null;
    call('attachments.content', { id }).then(
      (c) => {
        const bytes = Uint8Array.from(atob(c.dataBase64), (ch) => ch.charCodeAt(0));
        made = URL.createObjectURL(new Blob([bytes], { type: c.mime }));
        if (live) setUrl(made);
        else URL.revokeObjectURL(made);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  return { url, error };
}

function Thumb({ a, onOpen }: { a: Attachment; onOpen: () => void }) {
  const { t } = useTranslation();
  const { url } = useContentUrl(a.mime === 'application/pdf' ? null : a.id);
  return (
    <button type="button" className="thumb" onClick={onOpen} title={t('docs.att.preview')} aria-label={`${t('docs.att.preview')} ${a.name}`}>
      {a.mime === 'application/pdf' ? <span className="big">PDF</span> : url ? <img src={url} alt={a.name} /> : <span className="hint">…</span>}
    </button>
  );
}

function Preview({ a, onClose }: { a: Attachment; onClose: () => void }) {
  const { t } = useTranslation();
  const { url, error } = useContentUrl(a.id);
  return (
    <Dialog title={a.name} onClose={onClose} wide testId="attachment-preview">
      {error ? <p className="field-error">{errorText(error)}</p> : null}
      {!url && !error && <p className="hint">{t('docs.att.loading')}</p>}
      {url && a.mime === 'application/pdf' && <iframe className="preview-frame" src={`${url}#page=1`} title={a.name} />}
      {url && a.mime !== 'application/pdf' && <img className="preview-img" src={url} alt={a.name} data-testid="preview-image" />}
    </Dialog>
  );
}

/**
 * Proof attached to a request or claim: upload (JPEG, PNG, PDF; checked by content in the core),
 * thumbnails, preview (image inline, PDF's first page in the browser's viewer), a duplicate of a
 * file attached elsewhere flagged, removal while the document can still be edited.
 */
export function Attachments(p: { docType: 'cost_request' | 'claim'; docId: number | null; items: Attachment[]; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<Message | null>(null);
  const [open, setOpen] = useState<Attachment | null>(null);
  const [confidential, setConfidential] = useState(false);

  const upload = async (files: FileList | null) => {
    if (!files || p.docId === null) return;
    for (const file of Array.from(files)) {
      setBusy(file.name);
      setProgress(0);
      try {
        const ref = await uploadFile(file, (d, total) => setProgress(total ? d / total : 0), new AbortController().signal);
        await call('attachments.add', { docType: p.docType, docId: p.docId, fileId: ref.fileId, level: confidential ? 'confidential' : 'internal' });
        setMessage({ kind: 'ok', text: t('docs.att.uploaded', { name: file.name }) });
      } catch (e) {
        setMessage({ kind: 'error', text: `${file.name}: ${errorText(e)}` });
      }
    }
    setBusy(null);
    if (input.current) input.current.value = '';
    p.onChanged();
  };

  return (
    <section className="panel" data-testid="attachments">
      <h3>
        {t('docs.att.title')}
        <span className="spacer" />
        {p.canEdit && (
          <>
            <label className="toggle hint">
              <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> {t('docs.att.confidential')}
            </label>
            <button type="button" disabled={p.docId === null || !!busy} onClick={() => input.current?.click()} title={p.docId === null ? t('docs.claim.saveFirst') : t('docs.att.hint')}>
              {t('docs.att.upload')}
            </button>
            <input ref={input} type="file" hidden multiple accept="image/jpeg,image/png,application/pdf" data-testid="attachment-input" onChange={(e) => void upload(e.target.files)} />
          </>
        )}
      </h3>
      {busy && (
        <div>
          <span className="hint">{t('docs.att.uploading', { name: busy })}</span>
          <div className="progress">
            <div className="bar" style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        </div>
      )}
      <Banner message={message} onClose={() => setMessage(null)} />
      {p.canEdit && p.docId === null && <p className="hint">{t('docs.claim.saveFirst')}</p>}
      {p.items.length === 0 ? (
        <p className="hint">{t('docs.att.empty')}</p>
      ) : (
        <div className="att-list">
          {p.items.map((a) => (
            <div key={a.id} className="att" data-testid="attachment">
              <Thumb a={a} onOpen={() => setOpen(a)} />
              <span className="name" title={a.name}>
                {a.name}
              </span>
              <span className="hint">
                {fileSize(a.size)} · {t(`docs.att.level.${a.level}`)}
              </span>
              <span className="hint" title={dateTime(a.uploadedAt)}>
                {a.uploadedByName}
              </span>
              {a.duplicates.length > 0 && (
                <span className="flag duplicateFile" data-flag="duplicateFile" title={t('docs.att.duplicate', { docs: a.duplicates.map((d) => d.number).join('、') })}>
                  {t('docs.flag.duplicateFile')}
                </span>
              )}
              {p.canEdit && (
                <button
                  type="button"
                  onClick={() =>
                    void call('attachments.remove', { id: a.id }).then(p.onChanged, (e: unknown) => setMessage({ kind: 'error', text: errorText(e) }))
                  }
                >
                  {t('docs.att.remove')}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      {open && <Preview a={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
