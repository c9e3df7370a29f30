import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { messages, type AppLocale } from '@shared/i18n';
import type { ApiError, FieldIssue } from '@shared/api/errors';
import { translateError, translateIssue, type Translator } from '@shared/i18n/errors';

/** i18next with the shared catalogues; the language is remembered per user by the core. */
const LOCALE_KEY = 'ccd.locale';
const initial = (localStorage.getItem(LOCALE_KEY) as AppLocale | null) ?? (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: messages['zh-CN'] }, en: { translation: messages.en } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false, // no advertisement in the users' console
});

export function setLocale(l: AppLocale): void {
  localStorage.setItem(LOCALE_KEY, l);
  document.documentElement.lang = l;
  void i18n.changeLanguage(l);
}
document.documentElement.lang = initial;

export const currentLocale = () => i18n.language as AppLocale;
export { i18n, useTranslation };

/** The shared error translation (money params as ¥ amounts) on this i18next instance. */
const translator: Translator = { exists: (key) => i18n.exists(key), t: (key, params) => i18n.t(key, params) };

/** One line for a failed call, in the user's language. */
export function errorText(e: unknown): string {
  return translateError(translator, e);
}

/** The reason of one field issue, translated. */
export function issueText(issue: FieldIssue): string {
  return translateIssue(translator, issue);
}

/** Field issues of a validation error, keyed by the last path segment. */
export function fieldIssues(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const details = (e as ApiError)?.details;
  if (Array.isArray(details)) for (const d of details as FieldIssue[]) out[d.path.split('.').at(-1) ?? d.path] = issueText(d);
  return out;
}
