import { useEffect, useState } from 'react';
import type { Partner } from '@shared/api/areas/master';
import { call } from '../../../api/client';
import { useDebounced } from '../../../grid/useDebounced';
import { useTranslation } from '../../../i18n';

/**
 * Finds a partner of the user's scope by code or name (partners.list quick search, 20 at a
 * time); arrows and Enter pick one. The org unit and channel type of the document follow it.
 */
export function PartnerPicker(p: { label: string; disabled?: boolean; invalid?: boolean; placeholder?: string; onPick: (partner: Partner) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(p.label);
  const [open, setOpen] = useState(false);
  const [hits, setHits] = useState<Partner[]>([]);
  const [cursor, setCursor] = useState(0);
  const query = useDebounced(text, 200);
  useEffect(() => setText(p.label), [p.label]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    call('partners.list', { quick: query === p.label ? '' : query, limit: 20, filter: {}, sort: [{ colId: 'code', sort: 'asc' }] }).then(
      (page) => live && (setHits(page.rows), setCursor(0)),
      () => live && setHits([]),
    );
    return () => {
      live = false;
    };
  }, [query, open, p.label]);
  const pick = (x: Partner) => {
    p.onPick(x);
    setText(`${x.code} ${x.name}`);
    setOpen(false);
  };
  return (
    <div className="picker">
      <input
        name="partner"
        value={text}
        disabled={p.disabled}
        aria-invalid={p.invalid}
        placeholder={p.placeholder ?? t('docs.request.partnerSearch')}
        title={text || undefined}
        autoComplete="off"
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setCursor((c) => Math.min(c + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setCursor((c) => Math.max(c - 1, 0));
          } else if (e.key === 'Enter' && hits[cursor]) {
            e.preventDefault();
            pick(hits[cursor]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && !p.disabled && (
        <div className="picker-list" role="listbox" data-testid="partner-options">
          {hits.length === 0 && <div className="hint pad">{t('docs.request.noPartner')}</div>}
          {hits.map((x, i) => (
            <button
              type="button"
              key={x.id}
              role="option"
              aria-selected={i === cursor}
              className={i === cursor ? 'picker-item on' : 'picker-item'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(x)}
            >
              <span className="code">{x.code}</span>
              <span>{x.name}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
