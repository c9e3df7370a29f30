import { Suspense } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { hasEnglishName, localName } from '@shared/i18n/names';
import { useApiQuery } from '../api/hooks';
import { ExportTray } from '../features/excel/ExportTray';
import { NavBadge } from '../features/home/NavBadge';
import { SlaReminder } from '../features/home/SlaReminder';
import { useChangedEvents, useHomeSummary } from '../features/home/useHomeSummary';
import { useTranslation } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { guardLeave, leaveGuarded } from './leaveGuard';
import { DEFAULT_PATH, routes, type RouteDef } from './routes';
import { useSession } from './session';

const GROUPS: RouteDef['group'][] = ['home', 'budgets', 'requests', 'claims', 'approvals', 'analysis', 'master', 'settings'];

/** The work shell: left navigation by area, top bar with scope, language and user. */
type Company = { nameZh: string; nameEn: string | null };

export function Shell({ company }: { company: Company }) {
  return (
    <Router hook={useHashLocation}>
      <ShellInner company={company} />
    </Router>
  );
}

function ShellInner({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const { user, setUser, signOut } = useSession();
  const [location, navigate] = useLocation();
  const visible = routes.filter((r) => !r.roles || r.roles.includes(user.role));
  const units = useApiQuery('orgUnits.list', {});
  const summary = useHomeSummary();
  useChangedEvents();
  const zh = i18n.language === 'zh-CN';
  const scopeNames = (units.data ?? [])
    .filter((u) => user.orgUnitIds.includes(u.id))
    .map((u) => localName(u, i18n.language))
    .join(zh ? '、' : ', ');

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="main">
        <div className="brand">{t('app.name')}</div>
        {GROUPS.map((g) => {
          const items = visible.filter((r) => r.group === g && !r.hidden);
          if (items.length === 0) return null;
          return (
            <div key={g} className="nav-group">
              <div className="nav-group-label">{t(`nav.${g}`)}</div>
              {items.map((r) => (
                <Link
                  key={r.path}
                  href={r.path}
                  className={location === r.path || location.startsWith(`${r.path}/`) ? 'nav-item active' : 'nav-item'}
                  onClick={(e) => {
                    if (!leaveGuarded() || location === r.path) return;
                    e.preventDefault();
                    guardLeave(() => navigate(r.path));
                  }}
                >
                  {t(r.label)}
                  {r.badge && <NavBadge kind={r.badge} summary={summary.data} />}
                </Link>
              ))}
            </div>
          );
        })}
      </nav>
      <header className="topbar">
        <div className="company" data-testid="company" title={zh || hasEnglishName(company.nameZh, company.nameEn) ? undefined : t('common.noEnglishName')}>
          {localName(company, i18n.language)}
        </div>
        <div className="scope" title={t('common.scope')}>
          <span className="muted">{t('common.scopeLabel')}</span>
          <span data-testid="scope">{scopeNames}</span>
        </div>
        <div className="spacer" />
        <SlaReminder key={user.id} summary={summary.data} userId={user.id} />
        <LanguageSwitch signedIn onChanged={(l) => setUser({ ...user, locale: l })} />
        <div className="user" data-testid="current-user">
          {user.displayName} · {t(`role.${user.role}`)}
        </div>
        <button onClick={() => guardLeave(signOut)}>{t('action.signOut')}</button>
      </header>
      <main className="content">
        <Suspense fallback={<div className="muted pad">{t('common.loading')}</div>}>
          <Switch>
            {visible.map((r) => (
              <Route key={r.path} path={r.path} component={r.Page} />
            ))}
            <Route>
              <Redirect to={visible.some((r) => r.path === DEFAULT_PATH) ? DEFAULT_PATH : (visible[0]?.path ?? DEFAULT_PATH)} />
            </Route>
          </Switch>
        </Suspense>
        <ExportTray />
      </main>
    </div>
  );
}
