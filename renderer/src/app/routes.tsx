import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '@shared/api/define';

/**
 * The navigation: one entry per page, grouped by area (SPEC "look and feel"). Each feature adds
 * its pages here; `roles` hides an entry from roles that cannot use it (the core enforces
 * permissions regardless).
 */
export interface RouteDef {
  path: string;
  /** i18n key of the label */
  label: string;
  group: 'home' | 'budgets' | 'requests' | 'claims' | 'approvals' | 'analysis' | 'master' | 'settings';
  roles?: Role[];
  /** a page reached from another (a document), not listed in the navigation */
  hidden?: boolean;
  /** a count from home.summary shown beside the entry */
  badge?: 'waiting' | 'returned' | 'overdueClaims';
  Page: LazyExoticComponent<ComponentType>;
}

const named = <K extends string>(p: Promise<Record<K, ComponentType>>, k: K) => p.then((m) => ({ default: m[k] }));

export const routes: RouteDef[] = [
  { path: '/home', label: 'wf.nav.home', group: 'home', Page: lazy(() => named(import('../features/home/HomePage'), 'HomePage')) },
  { path: '/requests', label: 'docs.nav.requests', group: 'requests', badge: 'returned', Page: lazy(() => named(import('../features/requests/RequestsPage'), 'RequestsPage')) },
  { path: '/requests/:id', label: 'docs.nav.requests', group: 'requests', hidden: true, Page: lazy(() => named(import('../features/requests/RequestPage'), 'RequestPage')) },
  { path: '/claims', label: 'docs.nav.claims', group: 'claims', badge: 'overdueClaims', Page: lazy(() => named(import('../features/claims/ClaimsPage'), 'ClaimsPage')) },
  { path: '/claims/from/:requestId', label: 'docs.nav.claims', group: 'claims', hidden: true, Page: lazy(() => named(import('../features/claims/ClaimPage'), 'ClaimPage')) },
  { path: '/claims/:id', label: 'docs.nav.claims', group: 'claims', hidden: true, Page: lazy(() => named(import('../features/claims/ClaimPage'), 'ClaimPage')) },
  { path: '/approvals', label: 'wf.nav.queue', group: 'approvals', badge: 'waiting', Page: lazy(() => named(import('../features/approvals/ApprovalsPage'), 'ApprovalsPage')) },
  { path: '/settings/delegations', label: 'wf.nav.delegations', group: 'settings', Page: lazy(() => named(import('../features/settings/DelegationsPage'), 'DelegationsPage')) },
  { path: '/settings/routes', label: 'wf.nav.routes', group: 'settings', roles: ['admin'], Page: lazy(() => named(import('../features/settings/RoutesPage'), 'RoutesPage')) },
  { path: '/analysis/dashboard', label: 'analysisUi.nav.dashboard', group: 'analysis', Page: lazy(() => named(import('../features/analysis/dashboard/DashboardPage'), 'DashboardPage')) },
  { path: '/analysis/post-evaluations', label: 'analysisUi.nav.postEval', group: 'analysis', Page: lazy(() => named(import('../features/analysis/post/PostEvaluationsPage'), 'PostEvaluationsPage')) },
  { path: '/analysis/partners', label: 'analysisUi.nav.partnerEval', group: 'analysis', Page: lazy(() => named(import('../features/analysis/partners/PartnerEvaluationPage'), 'PartnerEvaluationPage')) },
  { path: '/master/partners', label: 'nav.partners', group: 'master', Page: lazy(() => named(import('../features/master/PartnersPage'), 'PartnersPage')) },
  { path: '/master/org-units', label: 'nav.orgUnits', group: 'master', Page: lazy(() => named(import('../features/master/OrgUnitsPage'), 'OrgUnitsPage')) },
  { path: '/master/channel-types', label: 'nav.channelTypes', group: 'master', Page: lazy(() => named(import('../features/master/ChannelTypesPage'), 'ChannelTypesPage')) },
  { path: '/master/cost-types', label: 'nav.costTypes', group: 'master', Page: lazy(() => named(import('../features/master/CostTypesPage'), 'CostTypesPage')) },
  { path: '/master/users', label: 'nav.users', group: 'master', roles: ['admin'], Page: lazy(() => named(import('../features/master/UsersPage'), 'UsersPage')) },
  { path: '/master/import', label: 'nav.imports', group: 'master', roles: ['channel_staff', 'finance', 'admin'], Page: lazy(() => named(import('../features/excel/ImportPage'), 'ImportPage')) },
  { path: '/budgets/plan', label: 'budgets.nav.plan', group: 'budgets', Page: lazy(() => named(import('../features/budgets/BudgetPlanPage'), 'BudgetPlanPage')) },
  { path: '/budgets/vs-actual', label: 'budgets.nav.vsActual', group: 'budgets', Page: lazy(() => named(import('../features/budgets/BudgetVsActualPage'), 'BudgetVsActualPage')) },
  { path: '/budgets/transfers', label: 'budgets.nav.transfers', group: 'budgets', Page: lazy(() => named(import('../features/budgets/TransfersPage'), 'TransfersPage')) },
  { path: '/analysis/results', label: 'results.nav.results', group: 'analysis', Page: lazy(() => named(import('../features/results/ResultsPage'), 'ResultsPage')) },
  { path: '/settings/backups', label: 'nav.backups', group: 'settings', roles: ['admin'], Page: lazy(() => named(import('../features/settings/BackupsPage'), 'BackupsPage')) },
];

export const DEFAULT_PATH = '/home';
