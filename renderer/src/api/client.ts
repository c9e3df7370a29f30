import type { Input, MethodName, Output, PushEvent } from '@shared/api/contract';
import { ApiError, type Envelope } from '@shared/api/errors';

/**
 * The renderer's one client. In the desktop app the preload exposes `window.api` (IPC); in a
 * browser the same calls go to `POST /api/<method>`. Callers never know which.
 */
interface DesktopBridge {
  call(method: string, input: unknown, meta?: { token?: string | null }): Promise<Envelope<unknown>>;
  on(listener: (e: PushEvent) => void): () => void;
}
declare global {
  interface Window {
    api?: DesktopBridge;
  }
}

const TOKEN_KEY = 'ccd.token';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
const authListeners = new Set<(reason: 'expired' | 'signedOut') => void>();

export function setToken(t: string | null): void {
  token = t;
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
}
export const getToken = () => token;
export const isDesktop = () => typeof window !== 'undefined' && !!window.api;

/** Called when the core says the session is gone (expired, user deactivated). */
export function onAuthLost(l: (reason: 'expired' | 'signedOut') => void): () => void {
  authListeners.add(l);
  return () => authListeners.delete(l);
}

async function transport(method: string, input: unknown): Promise<Envelope<unknown>> {
  if (window.api) return window.api.call(method, input, { token });
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'network', message: 'Cannot reach the service' } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}` } };
  }
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const env = await transport(method, input);
  if (env.ok) return env.data as Output<M>;
  const err = ApiError.from(env.error);
  if (['session_expired', 'unauthenticated', 'user_inactive'].includes(err.code) && method !== 'auth.signIn') {
    setToken(null);
    authListeners.forEach((l) => l('expired'));
  }
  throw err;
}

const RECONNECT_MS = 2000;

/**
 * Push events from the core: IPC in the desktop app, server-sent events in a browser. The session
 * token never goes into a URL: each connection of the event stream opens with a fresh single-use
 * ticket (`auth.eventsTicket`). The server ends the stream with the session; when it ends or
 * breaks, a new ticket is asked for after a pause — which a dead session does not get (and the
 * failed call reports the lost session as every call does), so reconnecting stops there.
 */
export function subscribe(listener: (e: PushEvent) => void): () => void {
  if (window.api) return window.api.on(listener);
  let es: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const again = () => {
    if (!stopped && token) timer = setTimeout(() => void open(), RECONNECT_MS);
  };
  async function open() {
    if (stopped || !token) return;
    let ticket: string;
    try {
      ticket = (await call('auth.eventsTicket', {})).ticket;
    } catch {
      return again();
    }
    if (stopped) return;
    es = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`);
    es.onmessage = (m) => listener(JSON.parse(m.data as string) as PushEvent);
    // EventSource would retry with the same (used) ticket: close it and start over with a new one
    es.onerror = () => {
      es?.close();
      es = null;
      again();
    };
  }
  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    es?.close();
  };
}
