import * as analysisUi from './analysisUi';
import * as budgets from './budgets';
import * as common from './common';
import * as documents from './documents';
import * as errors from './errors';
import * as excel from './excel';
import * as master from './master';
import * as workflow from './workflow';
import * as settings from './settings';
import * as analysisFormulas from './analysisFormulas';
import * as results from './results';

/**
 * The message catalogues, zh-CN and en, shared by the UI and by Excel headers. One file per
 * area; each exports `zh` and `en` (en typed as zh's shape, so a missing key is a compile error).
 */
const areas = [common, errors, master, budgets, excel, documents, workflow, settings, results, analysisFormulas, analysisUi];

/** One level deep, so an area may add to another's section (Excel error codes join `errors`). */
function merge(parts: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const prev = out[k];
      out[k] = isObject(prev) && isObject(v) ? { ...prev, ...v } : v;
    }
  }
  return out;
}

export const messages = {
  'zh-CN': merge(areas.map((a) => a.zh)),
  en: merge(areas.map((a) => a.en)),
};

export type AppLocale = keyof typeof messages;
export const LOCALES: AppLocale[] = ['zh-CN', 'en'];
