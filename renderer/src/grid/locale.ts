import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { AppLocale } from '@shared/i18n';

/** AG Grid's own texts (filter menus, operators, loading) in the UI language. */
export function gridLocaleText(locale: AppLocale): Record<string, string> {
  return locale === 'zh-CN' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN;
}
