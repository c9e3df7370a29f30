import { useEffect, useState } from 'react';
import type { ScoreWeights } from '@shared/api/areas/analysisTypes';
import { useApiMutation } from '../../../api/hooks';
import { useSession } from '../../../app/session';
import { dateTime } from '../../../format';
import { errorText, useTranslation } from '../../../i18n';
import { Banner, type Message } from '../../../ui/Banner';
import { bucketText } from '../periods';

const PARTS = ['revenue', 'costRatio', 'timeliness', 'flags'] as const;
type Part = (typeof PARTS)[number];
const LABEL: Record<Part, string> = { revenue: 'revenueScore', costRatio: 'costRatioScore', timeliness: 'timelinessScore', flags: 'flagsScore' };

/**
 * The score's weights in force for the month, always shown (each part with its share and the
 * formula as tooltip). An administrator edits them in place — four whole numbers that must add up
 * to 100 — and they apply from the month shown on (earlier months keep theirs). Other roles see no
 * edit control; the core refuses them anyway.
 */
export function WeightsPanel({ weights, month }: { weights: ScoreWeights | undefined; month: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const admin = user.role === 'admin';
  const [draft, setDraft] = useState<Record<Part, number> | null>(null);
  const [msg, setMsg] = useState<Message | null>(null);
  const save = useApiMutation('analysis.weights.set', { invalidate: ['analysis'] });
  useEffect(() => setDraft(null), [month]);
  const sum = draft ? PARTS.reduce((a, k) => a + (Number.isFinite(draft[k]) ? draft[k] : 0), 0) : 100;
  const h = (k: string, o?: Record<string, unknown>) => t(`analysisUi.partner.${k}`, o);

  const submit = () => {
    if (!draft || sum !== 100) return;
    save.mutate(
      { ...draft, effectiveFrom: month },
      {
        onSuccess: (w) => (setDraft(null), setMsg({ kind: 'ok', text: h('weightsSaved', { period: bucketText(t, w.effectiveFrom) }) })),
        onError: (e) => setMsg({ kind: 'error', text: errorText(e) }),
      },
    );
  };

  return (
    <section className="an-panel weights-panel" data-testid="score-weights" title={t('analysisFormulas.score')}>
      <b>{h('weights')}</b>
      {PARTS.map((k) => (
        <span key={k} className="weight">
          <span className="muted">{h(LABEL[k])}</span>
          {draft ? (
            <input
              type="number"
              name={`weight-${k}`}
              min={0}
              max={100}
              step={1}
              value={Number.isFinite(draft[k]) ? draft[k] : ''}
              aria-label={h(LABEL[k])}
              aria-invalid={sum !== 100}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value === '' ? NaN : Math.trunc(Number(e.target.value)) })}
              onKeyDown={(e) => (e.key === 'Enter' ? submit() : e.key === 'Escape' ? setDraft(null) : undefined)}
            />
          ) : (
            <b>{weights ? `${weights[k]}%` : '…'}</b>
          )}
        </span>
      ))}
      {weights && !draft && (
        <span className="muted small">
          {weights.setBy ? h('effectiveFrom', { period: bucketText(t, weights.effectiveFrom) }) : h('defaultWeights')}
          {weights.setBy && weights.setAt ? ` · ${h('setBy', { by: weights.setBy, at: dateTime(weights.setAt) })}` : ''}
        </span>
      )}
      {draft && sum !== 100 && <span className="field-error">{h('weightsSum', { sum })}</span>}
      {draft && <span className="muted small">{h('effectiveFrom', { period: bucketText(t, month) })}</span>}
      <span className="spacer" style={{ flex: 1 }} />
      {admin && !draft && (
        <button type="button" className="small-btn" disabled={!weights} onClick={() => weights && setDraft({ revenue: weights.revenue, costRatio: weights.costRatio, timeliness: weights.timeliness, flags: weights.flags })}>
          {h('editWeights')}
        </button>
      )}
      {admin && draft && (
        <>
          <button type="button" className="small-btn primary" disabled={sum !== 100 || save.isPending} onClick={submit}>
            {h('saveWeights')}
          </button>
          <button type="button" className="small-btn" onClick={() => setDraft(null)}>
            {t('action.cancel')}
          </button>
        </>
      )}
      {!admin && <span className="muted small">{h('weightsAdminOnly')}</span>}
      <Banner message={msg} onClose={() => setMsg(null)} />
    </section>
  );
}
