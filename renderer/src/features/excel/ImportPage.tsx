import { useEffect, useMemo, type ReactNode } from 'react';
import type { AppLocale } from '@shared/i18n';
import { useTranslation } from '../../i18n';
import { Banner } from '../../ui/Banner';
import { ChooseStep } from './ChooseStep';
import { ColumnsStep } from './ColumnsStep';
import { ImportHistory } from './ImportHistory';
import { useExcelKinds } from './kinds';
import { ProgressLine } from './ProgressLine';
import { ReportStep } from './ReportStep';
import { ResultStep } from './ResultStep';
import { useImportWizard, type Step, type WizardOptions } from './useImportWizard';
import './excel.css';

const STEPS: Step[] = ['choose', 'columns', 'check', 'result'];

/**
 * Excel import (SPEC 5): choose what to import and the file, check the columns, read the dry
 * run's report — nothing is written until the user commits — and see the result. The import
 * history sits under the first and the last step.
 */
export function ImportPage() {
  const { t } = useTranslation();
  return <ImportWizardView title={t('excel.title')} />;
}

/**
 * The wizard itself: as the page (every kind the role may import, except kinds that belong to a
 * parent record — budget lines are imported from their version's page), or opened by a page for
 * one kind and target (`fixed`, e.g. the budget plan page in a dialog), with `note` saying where
 * the rows go.
 */
export function ImportWizardView(p: WizardOptions & { title: string; note?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const kinds = useExcelKinds();
  const fixedKind = p.fixed?.kind;
  const importable = useMemo(
    () => (kinds.data ?? []).filter((k) => k.canImport && (fixedKind ? k.kind === fixedKind : !k.needsTarget)),
    [kinds.data, fixedKind],
  );
  // kinds this role imports elsewhere: named, so the page does not look as if they could not be imported at all
  const elsewhere = fixedKind ? [] : (kinds.data ?? []).filter((k) => k.canImport && k.needsTarget);
  const w = useImportWizard(p);
  const kind = importable.find((k) => k.kind === w.kind);

  useEffect(() => {
    if (!w.kind && importable[0]) w.chooseKind(importable[0].kind);
  }, [w, importable]);

  const at = STEPS.indexOf(w.step);
  return (
    <div className="page xl-page" data-testid="import-page" data-step={w.step}>
      <div className="page-head">
        <h2>{p.title}</h2>
        <ol className="xl-steps" aria-label={p.title}>
          {STEPS.map((s, i) => (
            <li key={s} className={i === at ? 'on' : i < at ? 'past' : ''} aria-current={i === at ? 'step' : undefined}>
              <span className="xl-step-no">{i + 1}</span>
              {t(`excel.steps.${s}`)}
            </li>
          ))}
        </ol>
      </div>
      {p.note && (
        <div className="muted" data-testid="import-target">
          {p.note}
        </div>
      )}
      <ProgressLine progress={w.progress} onCancel={w.cancel} />
      <Banner message={w.message} onClose={() => w.setMessage(null)} testId="import-message" />
      {kinds.isLoading && <div className="muted">{t('common.loading')}</div>}
      {kinds.data && w.step === 'choose' && <ChooseStep w={w} kinds={importable} />}
      {w.step === 'choose' && elsewhere.length > 0 && (
        <div className="muted small" data-testid="import-elsewhere">
          {t('excel.elsewhere', { kinds: elsewhere.map((k) => k.label[locale]).join('、') })}
        </div>
      )}
      {w.step === 'columns' && w.inspection && kind && <ColumnsStep w={w} kind={kind} />}
      {w.step === 'check' && w.report && <ReportStep w={w} kind={kind} />}
      {w.step === 'result' && w.result && <ResultStep w={w} kind={kind} />}
      {(w.step === 'choose' || w.step === 'result') && kinds.data && <ImportHistory kinds={kinds.data} kind={fixedKind} />}
    </div>
  );
}
