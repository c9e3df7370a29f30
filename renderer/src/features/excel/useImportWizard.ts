import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CommitResult, DryRunReport, ExcelTarget, FileRef, Inspection } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import { call } from '../../api/client';
import { errorText, useTranslation } from '../../i18n';
import type { Message } from '../../ui/Banner';
import { deliverFile, uploadFile } from './transfer';
import { useJob } from './useJob';

/**
 * The import wizard's state and steps: choose (kind, template, file) → columns (sheet, mapping of
 * unknown headers; skipped when there is nothing to decide) → check (the dry run's report, the
 * commit choice) → result. Every long step runs as a job with progress and Cancel.
 */
export type Step = 'choose' | 'columns' | 'check' | 'result';
export type CommitMode = 'all_or_nothing' | 'skip_rejected';

/** headers the user must decide on: not matched by name, nor by a remembered mapping, nor chosen here */
export const undecided = (ins: Inspection, mapping: Record<string, string | null>) =>
  ins.columns.filter((c) => c.source === 'none' && !(c.header in mapping));

/**
 * `fixed`: a wizard opened for one kind and target by the page that shows the records (budget
 * lines of the version on screen): the kind cannot be changed, and the target goes with every call
 * (inspect, dry run, template; the commit writes into the dry run's target). `onCommitted` lets
 * that page reload its grid.
 */
export interface WizardOptions {
  fixed?: { kind: string; target?: ExcelTarget };
  onCommitted?: (r: CommitResult) => void;
}

export function useImportWizard(opts: WizardOptions = {}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as AppLocale;
  const qc = useQueryClient();
  const job = useJob();
  const target = opts.fixed?.target;
  const [kind, setKindState] = useState(opts.fixed?.kind ?? '');
  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<FileRef | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMappingState] = useState<Record<string, string | null>>({});
  const [remember, setRemember] = useState(true);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [mode, setMode] = useState<CommitMode>('all_or_nothing');
  const [result, setResult] = useState<CommitResult | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const fail = (e: unknown) => {
    const cancelled = (e as { code?: string }).code === 'excel_cancelled';
    setMessage(cancelled ? { kind: 'warn', text: t('excel.cancelled') } : { kind: 'error', text: errorText(e) });
  };

  const reset = (k = kind) => {
    setKindState(opts.fixed?.kind ?? k);
    setStep('choose');
    setFile(null);
    setInspection(null);
    setMappingState({});
    setReport(null);
    setResult(null);
    setMode('all_or_nothing');
    setMessage(null);
  };

  const inspect = (f: FileRef, sheet: string | undefined, map: Record<string, string | null>) =>
    job.run(() => call('excel.inspect', { fileId: f.fileId, kind, sheet, mapping: map, ...(target ? { target } : {}) }), { phase: 'check', core: false });

  async function dryRun(f: FileRef, ins: Inspection, map: Record<string, string | null>) {
    setMessage(null);
    try {
      const r = await job.run(
        ({ jobId }) => call('excel.dryRun', { jobId, fileId: f.fileId, kind, sheet: ins.sheet, mapping: map, rememberMapping: remember, ...(target ? { target } : {}) }),
        { phase: 'check', expected: ins.dataRows },
      );
      setReport(r);
      setMode('all_or_nothing');
      setStep('check');
    } catch (e) {
      fail(e);
      setStep('columns'); // the file is still there: run the dry run again from here
    }
  }

  async function chooseFile(picked: File) {
    reset();
    try {
      const ref = await job.run(({ signal, report: progress }) => uploadFile(picked, (d, n) => progress(d, n, 'upload'), signal), {
        phase: 'upload',
        core: false,
      });
      setFile(ref);
      const ins = await inspect(ref, undefined, {});
      setInspection(ins);
      const visibleSheets = ins.sheets.filter((s) => s.visible).length;
      if (undecided(ins, {}).length === 0 && visibleSheets <= 1) await dryRun(ref, ins, {});
      else setStep('columns');
    } catch (e) {
      fail(e);
    }
  }

  async function reinspect(sheet: string | undefined, map: Record<string, string | null>) {
    if (!file) return;
    setMessage(null);
    try {
      setInspection(await inspect(file, sheet, map));
    } catch (e) {
      fail(e);
    }
  }

  async function commit() {
    if (!report) return;
    setMessage(null);
    try {
      const r = await job.run(() => call('excel.commit', { jobId: report.jobId, mode }), {
        jobId: report.jobId,
        phase: 'write',
        expected: report.counts.total,
      });
      setResult(r);
      setStep('result');
      void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`${report.kind}.`) || q.queryKey[0] === 'excel.imports' });
      opts.onCommitted?.(r);
    } catch (e) {
      fail(e);
    }
  }

  async function deliver(make: () => Promise<FileRef>) {
    setMessage(null);
    try {
      await deliverFile(await make());
    } catch (e) {
      fail(e);
    }
  }

  return {
    kind,
    step,
    file,
    inspection,
    mapping,
    remember,
    report,
    mode,
    result,
    message,
    progress: job.progress,
    busy: job.progress !== null,
    cancel: job.cancel,
    setMessage,
    setMode,
    setRemember,
    chooseKind: (k: string) => reset(k),
    chooseFile,
    chooseSheet: (sheet: string) => {
      setMappingState({});
      void reinspect(sheet, {});
    },
    setMapping: (header: string, key: string | null) => {
      const next = { ...mapping, [header]: key };
      setMappingState(next);
      void reinspect(inspection?.sheet, next);
    },
    runDryRun: () => file && inspection && dryRun(file, inspection, mapping),
    backToColumns: () => setStep('columns'),
    commit,
    again: () => reset(),
    fixed: !!opts.fixed,
    downloadTemplate: () => deliver(() => call('excel.template', { kind, locale, ...(target ? { target } : {}) })),
    downloadErrorReport: () => report && deliver(() => call('excel.errorReport', { jobId: report.jobId, locale })),
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
