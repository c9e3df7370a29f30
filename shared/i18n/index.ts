import * as common from './common';
import * as errors from './errors';
import * as master from './master';

/**
 * The message catalogues, zh-CN and en, shared by the UI and by Excel headers. One file per
 * area; each exports `zh` and `en` (en typed as zh's shape, so a missing key is a compile error).
 */
const areas = [common, errors, master];

export const messages = {
  'zh-CN': Object.assign({}, ...areas.map((a) => a.zh)) as Record<string, unknown>,
  en: Object.assign({}, ...areas.map((a) => a.en)) as Record<string, unknown>,
};

export type AppLocale = keyof typeof messages;
export const LOCALES: AppLocale[] = ['zh-CN', 'en'];
