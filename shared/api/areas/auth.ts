import { z } from 'zod';
import { method, ROLES, type Role } from '../define';
import { id, locale, type Locale } from './common';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  locale: Locale;
  /** org units the user is assigned to (their scope is these and everything below) */
  orgUnitIds: number[];
}

export interface SetupStatus {
  initialized: boolean;
  companyName: string | null;
  /** the company's English name (its root org unit's), '' when it has none yet */
  companyNameEn: string | null;
  mode: 'demo' | 'empty' | null;
}

const password = z.string().min(8, 'v.password_short').max(200);
const username = z.string().trim().min(2, 'v.required').max(32).regex(/^[a-z0-9_.-]+$/i, 'v.username');

export const authApi = {
  'system.health': method<{ ok: true; version: string }>()(z.object({}).default({}), { auth: 'public' }),
  'setup.status': method<SetupStatus>()(z.object({}).default({}), { auth: 'public' }),
  'setup.initDemo': method<SetupStatus>()(z.object({}).default({}), { auth: 'public' }),
  'setup.initEmpty': method<SetupStatus>()(
    z.object({
      companyName: z.string().trim().min(1, 'v.required').max(100),
      adminUsername: username,
      adminDisplayName: z.string().trim().min(1, 'v.required').max(50),
      adminPassword: password,
      locale: locale.default('zh-CN'),
    }),
    { auth: 'public' },
  ),
  'auth.signIn': method<{ token: string; expiresAt: string; user: SessionUser }>()(
    z.object({ username: z.string().trim().min(1, 'v.required').max(64), password: z.string().min(1, 'v.required').max(200) }),
    { auth: 'public' },
  ),
  'auth.signOut': method<{ ok: true }>()(z.object({}).default({}), { scope: 'self' }),
  'auth.me': method<SessionUser>()(z.object({}).default({}), { scope: 'self' }),
  /**
   * A single-use ticket, valid for a minute, to open the event stream in a browser
   * (`GET /api/events?ticket=…`: EventSource cannot send the Authorization header, and the session
   * token never goes into a URL). The stream carries only this user's events and ends with the session.
   */
  'auth.eventsTicket': method<{ ticket: string; expiresAt: string }>()(z.object({}).default({}), { scope: 'self' }),
  'auth.setLocale': method<SessionUser>()(z.object({ locale }), { scope: 'self' }),
  'auth.changePassword': method<{ ok: true }>()(z.object({ oldPassword: z.string().min(1).max(200), newPassword: password }), { scope: 'self' }),
} as const;

export const roleSchema = z.enum(ROLES);
export { id as userId };
