import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { call } from '../../../api/client';
import { useLeaveGuard } from '../../../app/leaveGuard';
import { errorText, fieldIssues, useTranslation } from '../../../i18n';
import type { Message } from '../../../ui/Banner';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { setFlash, takeFlash, useDocInvalidate } from '../useDocActions';

interface DocLike {
  id: number;
  number: string;
  version: number;
}

/** The actions every document page shares; a page adds its own (submit, close, pay) through `act`/`done`. */
export type DocAct = 'submit' | 'cancel' | 'close' | 'withdraw' | 'pay' | null;

/**
 * The action handling a cost request's and a claim's page share: save (Ctrl+S; a refusal's field
 * issues and message shown, a conflict reloads with a note), "done" notes that survive the move
 * from /new to /:id, the leave guard for unsaved changes, and the withdraw and cancel dialogs.
 */
export function useDocumentActions<D extends DocLike>(p: {
  docType: 'cost_request' | 'claim';
  doc: D | null;
  editable: boolean;
  reload: () => void;
  /** the create/update call, or null when the form itself refused (the page showed why) */
  write: () => Promise<D> | null;
  setIssues: (issues: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const invalidate = useDocInvalidate();
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<Message | null>(takeFlash);
  const [busy, setBusy] = useState(false);
  const [act, setAct] = useState<DocAct>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  useLeaveGuard(dirty, (proceed) => setLeaving(() => proceed));
  const { doc, docType, reload } = p;
  const base = docType === 'claim' ? '/claims' : '/requests';

  const save = async (): Promise<D | null> => {
    const pending = p.write();
    if (!pending) return null;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await pending;
      setDirty(false);
      void invalidate();
      return saved;
    } catch (e) {
      p.setIssues(fieldIssues(e));
      setMessage({ kind: 'error', text: errorText(e) });
      const code = (e as { code?: string }).code;
      if (doc && (code === 'conflict' || code === 'stale')) {
        setFlash(t('wf.queue.conflict', { number: doc.number }), 'warn');
        reload();
      }
      return null;
    } finally {
      setBusy(false);
    }
  };
  const saveAndShow = async () => {
    const saved = await save();
    if (!saved) return;
    const text = t(doc ? 'docs.act.done.save' : 'docs.act.done.create', { number: saved.number });
    setFlash(text);
    setMessage({ kind: 'ok', text });
    if (!doc) navigate(`${base}/${saved.id}`, { replace: true });
    else reload();
  };
  const saveRef = useRef(saveAndShow);
  saveRef.current = saveAndShow;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        if (p.editable) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [p.editable]);

  /** after an action: the note (kept across the reload), lists and the document reload */
  const done = (key: string, number: string) => {
    const text = t(`docs.act.done.${key}`, { number });
    setFlash(text);
    setMessage({ kind: 'ok', text });
    void invalidate();
    reload();
  };
  /** saves first when needed (a new or changed document), then submits; the page's call does the rest */
  const submitWith = async (submit: (current: D) => Promise<DocLike>) => {
    let current = doc;
    if (!current || dirty) current = await save();
    if (!current) throw new Error(t('errors.validation'));
    const r = await submit(current);
    if (!doc) navigate(`${base}/${r.id}`, { replace: true });
    done('submit', r.number);
  };
  const close = () => setAct(null);

  const dialogs: ReactNode = (
    <>
      {leaving && (
        <ConfirmDialog
          title={t('docs.act.unsaved')}
          text={t('docs.act.leaveText')}
          confirmLabel={t('docs.act.leave')}
          danger
          onConfirm={async () => {
            setDirty(false);
            leaving();
          }}
          onClose={() => setLeaving(null)}
        />
      )}
      {act === 'withdraw' && doc && (
        <ReasonDialog
          title={`${t('docs.act.withdraw')} · ${doc.number}`}
          label={t('docs.act.commentWithdraw')}
          confirmLabel={t('docs.act.withdraw')}
          onConfirm={async (comment) => {
            await call('approvals.withdraw', { docType, docId: doc.id, version: doc.version, comment });
            done('withdraw', doc.number);
          }}
          onClose={close}
        />
      )}
      {act === 'cancel' && doc && (
        <ReasonDialog
          title={`${t('docs.act.cancel')} · ${doc.number}`}
          label={t('docs.act.reasonCancel')}
          required
          danger
          confirmLabel={t('docs.act.cancel')}
          onConfirm={async (comment) => {
            const input = { id: doc.id, version: doc.version, comment };
            await (docType === 'claim' ? call('claims.cancel', input) : call('costRequests.cancel', input));
            done('cancel', doc.number);
          }}
          onClose={close}
        />
      )}
    </>
  );

  return { dirty, setDirty, message, setMessage, busy, act, setAct, close, save, saveAndShow, done, submitWith, dialogs };
}
