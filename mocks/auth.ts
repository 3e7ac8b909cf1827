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

/** Only same-site paths, so `next` cannot send the user to another site. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
