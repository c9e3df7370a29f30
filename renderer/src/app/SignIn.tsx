import { useState, type FormEvent } from 'react';
import type { SessionUser } from '@shared/api/areas/auth';
import type { AppLocale } from '@shared/i18n';
import { call, setToken } from '../api/client';
import { errorText, useTranslation } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

const DEMO = ['admin', 'zhangwei', 'lina', 'chenjie', 'wangfang', 'zhaomin'];

export function SignIn({ onSignedIn, notice }: { onSignedIn: (u: SessionUser) => void; notice: string | null }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** a language chosen on this page wins over the user's saved one, and is saved for them */
  const [picked, setPicked] = useState<AppLocale | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await call('auth.signIn', { username, password });
      setToken(s.token);
      const user = picked && picked !== s.user.locale ? await call('auth.setLocale', { locale: picked }).catch(() => ({ ...s.user, locale: picked })) : s.user;
      onSignedIn(user);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="centered-page">
      <form className="card sign-in" onSubmit={submit} aria-label={t('signIn.title')}>
        <div className="card-head">
          <h1>{t('app.name')}</h1>
          <LanguageSwitch onChanged={setPicked} />
        </div>
        <p className="muted">{t('app.tagline')}</p>
        {notice && <div className="banner warn">{notice}</div>}
        <label>
          {t('signIn.username')}
          <input name="username" autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
        <button className="primary" type="submit" disabled={busy || !username || !password}>
          {t('signIn.submit')}
        </button>
        <p className="muted small">
          {t('signIn.demoHint')} {DEMO.join(' · ')}
        </p>
      </form>
    </div>
  );
}
