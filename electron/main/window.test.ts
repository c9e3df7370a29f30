import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CSP, lockDown, secureWindowOptions, type WebContentsLike } from './window';

// window.ts only needs Electron's types; at run time it must not touch the module.
vi.mock('electron', () => {
  throw new Error('window.ts must not import electron at run time');
});

/** CSP text -> directive -> sources */
function parseCsp(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('secureWindowOptions', () => {
  it('isolates and sandboxes the renderer, with the preload and nothing of Node', () => {
    const o = secureWindowOptions('/app/out/preload/index.cjs', true);
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(o.show).toBe(false); // shown on ready-to-show, no white flash
    expect(o.webPreferences!.devTools).toBe(false); // packaged: no developer tools
    expect(secureWindowOptions('/p', false).webPreferences!.devTools).toBe(true);
  });
});

describe('lockDown', () => {
  const trusted = 'file:///app/out/renderer/';
  const isTrusted = (url: string) => url.startsWith(trusted);

  function fakeContents() {
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    const contents: WebContentsLike = {
      setWindowOpenHandler: (h) => void (openHandler = h),
      on: (event, listener) => void listeners.set(event, listener),
    };
    lockDown(contents, isTrusted);
    const navigate = (event: string, url: string) => {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    return { open: (url: string) => openHandler!({ url }), navigate, listeners };
  }

  it('denies every new window, whatever the URL', () => {
    const { open } = fakeContents();
    for (const url of ['https://evil.example/', `${trusted}index.html`, 'about:blank']) expect(open(url)).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects to foreign URLs, allows our own pages', () => {
    const { navigate, listeners } = fakeContents();
    expect([...listeners.keys()].sort()).toEqual(['will-navigate', 'will-redirect']);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(navigate(event, 'https://evil.example/phish')).toBe(true);
      expect(navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(navigate(event, 'javascript:alert(1)')).toBe(true);
      expect(navigate(event, `${trusted}index.html#/partners`)).toBe(false);
    }
  });
});

describe('Content-Security-Policy', () => {
  for (const [where, csp] of [
    ['response header (main process)', CSP],
    ['renderer/index.html meta tag', /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync('renderer/index.html', 'utf8'))?.[1] ?? ''],
  ] as const) {
    it(`${where}: scripts only from our own origin, no eval, no plugins`, () => {
      const d = parseCsp(csp);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
      expect(d.get('connect-src')?.every((s) => s === "'self'")).toBe(true);
    });
  }
});
