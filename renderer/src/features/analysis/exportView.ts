import type { ExportView } from '@shared/api/areas/analysisTypes';
import type { AppLocale } from '@shared/i18n';
import { call } from '../../api/client';
import { currentLocale } from '../../i18n';
import { runFileJob } from '../excel/exportJobs';

/**
 * The Excel export of an analysis view: the core recomputes the view from the very input the
 * screen used (analysis.export checks it against that view's schema) and writes every row — not
 * only the page the grid shows — with headers in the user's language; progress and the file go
 * through the export tray like every export.
 */
export function exportView(view: ExportView, input: Record<string, unknown>, title: string): void {
  void runFileJob((jobId) => call('analysis.export', { view, input, locale: currentLocale() as AppLocale, jobId }), title, null);
}
