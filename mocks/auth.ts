import { randomUUID } from 'node:crypto';

/** Scenario-independent demo accounts: the partner identifier form and an e-mail form. */
export const DEMO_CREDENTIALS = { login: 'E-0000012345', password: 'demo1234' } as const;
export const DEMO_EMAIL_CREDENTIALS = { login: 'qa@example.test', password: 'demo1234' } as const;
const ACCOUNTS = [DEMO_CREDENTIALS, DEMO_EMAIL_CREDENTIALS];

export const SESSION_COOKIE = 'myopenip_session';
/** Like a real portal's idle timeout; the `sessionExpired` fault ends sessions sooner. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export function checkCredentials(login: string, password: string): string | null {
  const account = ACCOUNTS.find(
    (candidate) =>
      candidate.login.toLowerCase() === login.trim().toLowerCase() && candidate.password === password,
  );
  return account ? account.login : null;
}

export class Sessions {
  private sessions = new Map<string, { user: string; expiresAt: number }>();

  create(user: string): string {
    const id = randomUUID();
    this.sessions.set(id, { user, expiresAt: Date.now() + SESSION_TTL_MS });
    return id;
  }

  userOf(id: string | undefined): string | null {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt < Date.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session.user;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}

/**
 * Visible ASCII only, as a browser sends a path (percent-encoded): no control character (browsers drop
 * tabs and newlines from URLs, so `/\t/evil` is `//evil`), no space, nothing a Location header cannot hold.
 */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const MAX_NEXT_LENGTH = 2048;

/**
 * The page to go back to after login, only when it is a path of this site: no scheme (`https:`,
 * `javascript:`), no host (`//host`, and `/\host`, which browsers read as `//host`), no backslash at all,
 * only visible ASCII, nothing that would resolve to another origin. Anything else is `/`.
 * The accepted value is returned as sent, never normalised (a normalised `/.//host` would become `//host`).
 */
export function safeNext(next: string | null | undefined): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_NEXT_LENGTH) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || !VISIBLE_ASCII.test(next)) {
    return '/';
  }
  const base = 'http://portail.invalid';
  try {
    if (new URL(next, base).origin !== base) return '/';
  } catch {
    return '/';
  }
  return next;
}
