import type { BrowserContext, Request, Route } from '@playwright/test';

/** A request the guard stopped before it left the browser. */
export interface BlockedRequest {
  method: string;
  /** Origin and path only: query strings may carry identifiers. */
  url: string;
  resourceType: string;
}

export interface WriteGuard {
  /** Lets exactly one navigation POST through: the login form's, submitted right after this call. */
  allowNextLoginPost(): void;
  /** Everything stopped so far. */
  readonly blocked: readonly BlockedRequest[];
  remove(): Promise<void>;
}

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(adresse illisible)';
  }
}

/**
 * Live mode's safety net: every state-changing request (any method but GET/HEAD/OPTIONS) is aborted
 * before it leaves the browser and recorded, except the one login POST the journey announces.
 * Install it LAST: Playwright runs the most recently added route first, so it sees requests before any
 * other route (such as the mocked portal's) and hands the allowed ones on with `fallback()`.
 */
export async function installWriteGuard(context: BrowserContext): Promise<WriteGuard> {
  const blocked: BlockedRequest[] = [];
  let loginPostAllowed = false;
  const isLoginPost = (request: Request) => request.method() === 'POST' && request.isNavigationRequest();
  const handler = async (route: Route) => {
    const request = route.request();
    if (READ_ONLY_METHODS.has(request.method())) return route.fallback();
    if (loginPostAllowed && isLoginPost(request)) {
      loginPostAllowed = false;
      return route.fallback();
    }
    blocked.push({
      method: request.method(),
      url: withoutQuery(request.url()),
      resourceType: request.resourceType(),
    });
    return route.abort('blockedbyclient');
  };
  await context.route('**/*', handler);
  return {
    allowNextLoginPost() {
      loginPostAllowed = true;
    },
    get blocked() {
      return blocked;
    },
    remove: () => context.unroute('**/*', handler),
  };
}

/** Replaces every secret in a text by `***` (for anything printed or attached in live mode). */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((out, secret) => out.split(secret).join('***'), text);
}
