import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SessionUser } from '@shared/api/areas/auth';
import { call, getToken, onAuthLost, setToken } from '../api/client';
import { resetGridMemory } from '../grid/memory';
import { useApiQuery } from '../api/hooks';
import { errorText, setLocale, useTranslation } from '../i18n';
import { FirstStart } from './FirstStart';
import { SessionContext } from './session';
import { Shell } from './Shell';
import { SignIn } from './SignIn';

/** Phases: first start (no company yet) → sign in → the work shell. */
export function App() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useApiQuery('setup.status', {});
  const [user, setUser] = useState<SessionUser | null>(null);
  const [restoring, setRestoring] = useState(!!getToken());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!getToken()) return;
    call('auth.me', {})
      .then((u) => {
        setUser(u);
        setLocale(u.locale);
      })
      .catch(() => setToken(null))
      .finally(() => setRestoring(false));
  }, []);

  useEffect(
    () =>
      onAuthLost(() => {
        setUser(null);
        qc.clear();
        resetGridMemory();
        setNotice(t('errors.session_expired'));
      }),
    [qc, t],
  );

  if (status.isLoading || restoring) return <div className="splash">{t('common.loading')}</div>;
  if (status.error) return <div className="splash error">{errorText(status.error)}</div>;
  if (!status.data?.initialized) return <FirstStart onDone={() => void status.refetch()} />;
  if (!user) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(u) => {
          setNotice(null);
          setUser(u);
          setLocale(u.locale);
        }}
      />
    );
  }
  const signOut = () => {
    void call('auth.signOut', {}).catch(() => undefined);
    setToken(null);
    qc.clear();
    resetGridMemory();
    setUser(null);
  };
  return (
    <SessionContext.Provider value={{ user, setUser, signOut }}>
      <Shell company={{ nameZh: status.data.companyName ?? '', nameEn: status.data.companyNameEn }} />
    </SessionContext.Provider>
  );
}
