import { LOCALES, type AppLocale } from '@shared/i18n';
import { call } from '../api/client';
import { currentLocale, setLocale, useTranslation } from '../i18n';

const LABEL: Record<AppLocale, string> = { 'zh-CN': '中文', en: 'English' };

/** Switches the UI language at once; when signed in, the choice is remembered for the user. */
export function LanguageSwitch({ signedIn = false, onChanged }: { signedIn?: boolean; onChanged?: (l: AppLocale) => void }) {
  const { t } = useTranslation();
  const cur = currentLocale();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className={l === cur ? 'on' : ''}
          aria-pressed={l === cur}
          onClick={() => {
            setLocale(l);
            onChanged?.(l);
            if (signedIn) void call('auth.setLocale', { locale: l }).catch(() => undefined);
          }}
        >
          {LABEL[l]}
        </button>
      ))}
    </div>
  );
}
