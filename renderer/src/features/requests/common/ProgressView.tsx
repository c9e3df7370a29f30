import type { ApprovableType, RunProgress } from '@shared/api/areas/workflow';
import { useApiQuery } from '../../../api/hooks';
import { dateTime } from '../../../format';
import { errorText, useTranslation } from '../../../i18n';

/** The route's steps and their tasks: who, in what state, when, for whom; the current step in bold. */
export function ProgressSteps({ progress }: { progress: RunProgress | null | undefined }) {
  const { t } = useTranslation();
  if (!progress) return <p className="hint">{t('docs.progress.none')}</p>;
  return (
    <ol className="steps" data-testid="route-progress">
      <li className="muted">
        {progress.routeName} · v{progress.routeVersion}
      </li>
      {progress.steps.map((s) => (
        <li key={s.index} className={progress.state === 'running' && s.index === progress.stepIndex ? 'current' : undefined}>
          {t('docs.progress.step', { n: s.index + 1, name: s.name })} · {s.mode === 'all' ? t('docs.progress.modeAll') : t('docs.progress.modeAny')}
          {s.tasks.map((k) => (
            <div key={k.id} className="task">
              <span className={`status ${taskClass(k.state)}`}>{t(`docs.progress.task.${k.state}`)}</span> {k.assignee.name}
              {k.decidedBy && k.onBehalfOf ? ` · ${k.decidedBy.name}${t('docs.progress.forUser', { name: k.onBehalfOf.name })}` : ''}
              {k.via !== 'route' ? ` · ${t(`docs.progress.via.${k.via}`)}` : ''}
              {k.decidedAt ? ` · ${dateTime(k.decidedAt)}` : k.state === 'waiting' ? ` · ${t('docs.progress.due', { at: dateTime(k.dueAt) })}` : ''}
              {k.comment ? ` · “${k.comment}”` : ''}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}

const taskClass = (s: string) => (s === 'waiting' ? 'submitted' : s === 'approved' ? 'approved' : s === 'rejected' ? 'rejected' : s === 'returned' ? 'returned' : 'draft');

/** The route progress of one document, loaded (approvals.progress). */
export function DocProgress({ docType, docId }: { docType: ApprovableType; docId: number }) {
  const { t } = useTranslation();
  const q = useApiQuery('approvals.progress', { docType, docId });
  return (
    <section className="panel">
      <h3>{t('docs.progress.title')}</h3>
      {q.error ? <p className="field-error">{errorText(q.error)}</p> : <ProgressSteps progress={q.data} />}
    </section>
  );
}
