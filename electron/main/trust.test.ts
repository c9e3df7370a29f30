import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu';
import { rendererUrlMatcher } from './trust';

vi.mock('electron', () => {
  throw new Error('trust.ts and menu.ts must not import electron at run time');
});

describe('rendererUrlMatcher', () => {
  it('trusts the built renderer folder exactly: not a sibling folder sharing its name as a prefix, not a way out of it', () => {
    const ours = rendererUrlMatcher('file:///app/out/renderer/');
    for (const url of ['file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html#/partners', 'file:///app/out/renderer/assets/app.js']) expect([url, ours(url)]).toEqual([url, true]);
    for (const url of [
      'file:///app/out/renderer', // the folder's name without its separator
      'file:///app/out/renderer-evil/index.html',
      'file:///app/out/rendererX/index.html',
      'file:///app/out/renderer/../secret.html',
      'file:///app/out/renderer/%2e%2e/secret.html',
      'file://host/app/out/renderer/index.html',
      'http:///app/out/renderer/index.html',
      'file:///etc/passwd',
      'not a url',
      '',
    ]) expect([url, ours(url)]).toEqual([url, false]);
    // a file as the base: its folder counts
    expect(rendererUrlMatcher('file:///app/out/renderer/index.html')('file:///app/out/renderer/assets/a.js')).toBe(true);
  });

  it('trusts the dev server by origin, not by a textual prefix of it', () => {
    const dev = rendererUrlMatcher('http://localhost:5173');
    for (const url of ['http://localhost:5173/', 'http://localhost:5173/#/budgets', 'http://localhost:5173/src/main.tsx']) expect([url, dev(url)]).toEqual([url, true]);
    for (const url of ['http://localhost:51730/', 'http://localhost:5173.evil.example/', 'http://localhost:5173@evil.example/', 'https://localhost:5173/', 'http://user:pw@localhost:5173/', 'http://127.0.0.1:5173/']) {
      expect([url, dev(url)]).toEqual([url, false]);
    }
  });
});

describe('menuTemplate', () => {
  const roles = (t: unknown): string[] => JSON.stringify(t).match(/"role":"\w+"/g) ?? [];
  it('has no developer tools and no reload in a packaged build; the development build keeps the full View menu', () => {
    const packaged = roles(menuTemplate(true));
    expect(packaged).toContain('"role":"zoomIn"');
    expect(packaged.filter((r) => /devtools|reload|viewmenu/i.test(r))).toEqual([]);
    expect(roles(menuTemplate(false))).toContain('"role":"viewMenu"');
  });
});
