import { useEffect, useMemo } from 'react';
import { useTranslation } from '../../i18n';
import { Banner } from '../../ui/Banner';
import { ChooseStep } from './ChooseStep';
import { ColumnsStep } from './ColumnsStep';
import { ImportHistory } from './ImportHistory';
import { useExcelKinds } from './kinds';
import { ProgressLine } from './ProgressLine';
import { ReportStep } from './ReportStep';
import { ResultStep } from './ResultStep';
import { useImportWizard, type Step } from './useImportWizard';
import './excel.css';

const STEPS: Step[] = ['choose', 'columns', 'check', 'result'];

/**
 * Excel import (SPEC 5): choose what to import and the file, check the columns, read the dry
 * run's report — nothing is written until the user commits — and see the result. The import
 * history sits under the first and the last step.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const kinds = useExcelKinds();
  const importable = useMemo(() => (kinds.data ?? []).filter((k) => k.canImport), [kinds.data]);
  const w = useImportWizard();
  const kind = importable.find((k) => k.kind === w.kind);

  useEffect(() => {
    if (!w.kind && importable[0]) w.chooseKind(importable[0].kind);
  }, [w, importable]);

  const at = STEPS.indexOf(w.step);
  return (
    <div className="page xl-page" data-testid="import-page" data-step={w.step}>
      <div className="page-head">
        <h2>{t('excel.title')}</h2>
        <ol className="xl-steps" aria-label={t('excel.title')}>
          {STEPS.map((s, i) => (
            <li key={s} className={i === at ? 'on' : i < at ? 'past' : ''} aria-current={i === at ? 'step' : undefined}>
              <span className="xl-step-no">{i + 1}</span>
              {t(`excel.steps.${s}`)}
            </li>
          ))}
        </ol>
      </div>
      <ProgressLine progress={w.progress} onCancel={w.cancel} />
      <Banner message={w.message} onClose={() => w.setMessage(null)} testId="import-message" />
      {kinds.isLoading && <div className="muted">{t('common.loading')}</div>}
      {kinds.data && w.step === 'choose' && <ChooseStep w={w} kinds={importable} />}
      {w.step === 'columns' && w.inspection && kind && <ColumnsStep w={w} kind={kind} />}
      {w.step === 'check' && w.report && <ReportStep w={w} kind={kind} />}
      {w.step === 'result' && w.result && <ResultStep w={w} kind={kind} />}
      {(w.step === 'choose' || w.step === 'result') && kinds.data && <ImportHistory kinds={kinds.data} />}
    </div>
  );
}
