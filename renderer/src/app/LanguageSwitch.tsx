import { useQueryClient } from '@tanstack/react-query';
import { LOCALES, type AppLocale } from '@shared/i18n';
import { call } from '../api/client';
import { currentLocale, setLocale, useTranslation } from '../i18n';

const LABEL: Record<AppLocale, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * Switches the UI language at once; when signed in, the choice is remembered for the user, and
 * once it is, the analysis queries are fetched again: the core names their members (org units,
 * channel and cost types) in the caller's language, so figures fetched before would keep the old
 * language's names. Only those: a refetch must not replace a grid's rows while it is being edited.
 */
export function LanguageSwitch({ signedIn = false, onChanged }: { signedIn?: boolean; onChanged?: (l: AppLocale) => void }) {
  const { t } = useTranslation();
  const cur = currentLocale();
  const qc = useQueryClient();
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
            if (signedIn) void call('auth.setLocale', { locale: l }).then(() => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('analysis.') }), () => undefined);
          }}
        >
          {LABEL[l]}
        </button>
      ))}
    </div>
  );
}
