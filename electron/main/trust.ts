/**
 * Which URLs are our renderer: the same scheme and host (with port) as the renderer's base and a
 * path inside its folder — compared after parsing, never as text prefixes, so
 * `file:///app/out/renderer-evil/x.html` or `http://localhost:5173.evil.example/` are not ours.
 * The base is the renderer's folder (trailing separator) or a file in it (its folder counts); the
 * URL parser has already resolved `..` and its percent-encoded forms.
 */
export function rendererUrlMatcher(base: string): (url: string) => boolean {
  const b = new URL(base);
  const folder = b.pathname.endsWith('/') ? b.pathname : b.pathname.slice(0, b.pathname.lastIndexOf('/') + 1);
  return (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    return u.protocol === b.protocol && u.host === b.host && !u.username && !u.password && u.pathname.startsWith(folder);
  };
}
