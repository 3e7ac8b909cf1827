import type { HttpCustomPredicate, PathParams } from 'msw';

/**
 * An origin-agnostic, exact path matcher. MSW's `'*\/login'` also matches `/anything/login`, and a
 * relative `/login` only matches the current location in a browser; the same handlers must answer on
 * `http://localhost:<port>`, `http://127.0.0.1:<port>` and made-up hosts routed by Playwright, so
 * handlers match the path alone. `:name` segments become params (URL-decoded).
 */
export function onPath(pattern: string): HttpCustomPredicate<PathParams> {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const regex = new RegExp(`^${source}/?$`);
  return ({ request }) => {
    const match = regex.exec(new URL(request.url).pathname);
    if (!match) return { matches: false, params: {} };
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      const value = match[index + 1] ?? '';
      try {
        params[name] = decodeURIComponent(value);
      } catch {
        params[name] = value;
      }
    });
    return { matches: true, params };
  };
}
