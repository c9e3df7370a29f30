import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { currentLocale, errorText, fieldIssues, useTranslation } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** First start on an empty data folder: demo company or empty company with its first administrator. */
export function FirstStart({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'choose' | 'empty'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [form, setForm] = useState({ companyName: '', adminUsername: 'admin', adminDisplayName: '', adminPassword: '' });

  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      await fn();
      onDone();
    } catch (e) {
      setError(errorText(e));
      setIssues(fieldIssues(e));
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof typeof form, type = 'text') => (
    <label>
      {t(`setup.${k}`)}
      <input
        name={k}
        type={type}
        value={form[k]}
        aria-invalid={!!issues[k]}
        onChange={(e) => setForm({ ...form, [k]: e.target.value })}
      />
      {issues[k] && <span className="field-error">{issues[k]}</span>}
    </label>
  );

  return (
    <div className="centered-page">
      <div className="card first-start">
        <div className="card-head">
          <h1>{t('setup.title')}</h1>
          <LanguageSwitch />
        </div>
        {mode === 'choose' ? (
          <>
            <p>{t('setup.intro')}</p>
            <div className="choices">
              <button className="choice" disabled={busy} onClick={() => run(() => call('setup.initDemo', {}))}>
                <strong>{t('setup.demo')}</strong>
                <span>{t('setup.demoDesc')}</span>
              </button>
              <button className="choice" disabled={busy} onClick={() => setMode('empty')}>
                <strong>{t('setup.empty')}</strong>
                <span>{t('setup.emptyDesc')}</span>
              </button>
            </div>
            {busy && <div className="progress indeterminate" role="progressbar" aria-label={t('setup.creating')} />}
          </>
        ) : (
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void run(() => call('setup.initEmpty', { ...form, locale: currentLocale() }));
            }}
          >
            {field('companyName')}
            {field('adminUsername')}
            {field('adminDisplayName')}
            {field('adminPassword', 'password')}
            <div className="row-actions">
              <button type="button" onClick={() => setMode('choose')}>
                {t('action.back')}
              </button>
              <button className="primary" type="submit" disabled={busy}>
                {busy ? t('setup.creating') : t('setup.create')}
              </button>
            </div>
          </form>
        )}
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
      </div>
    </div>
  );
}
