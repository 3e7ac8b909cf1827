// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL_CREDENTIALS, SESSION_COOKIE, safeNext } from '../../../mocks/auth';
import { createPortal, DEMO_CREDENTIALS } from '../../../mocks/portal';
import { call, login, parse, text } from './helpers';

describe('login, session and logout', () => {
  it('serves the login form with #login, #password and "Se connecter"', async () => {
    const doc = parse(await (await call(createPortal(), '/login')).text());
    expect(doc.querySelector('input#login')).not.toBeNull();
    expect(doc.querySelector('input#password[type="password"]')).not.toBeNull();
    expect(text(doc.querySelector('button[type="submit"]'))).toBe('Se connecter');
  });

  it.each([DEMO_CREDENTIALS, DEMO_EMAIL_CREDENTIALS])(
    'accepts $login, sets an HttpOnly session cookie',
    async (credentials) => {
      const response = await call(createPortal(), '/login', {
        form: { ...credentials, next: '/services?type=Fibre' },
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/services?type=Fibre');
      const [cookie] = response.headers.getSetCookie();
      expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+;.*HttpOnly`));
    },
  );

  it('refuses wrong credentials in French, keeps the identifier, sets no session', async () => {
    const response = await call(createPortal(), '/login', {
      form: { login: 'E-0000012345', password: 'faux', next: '/services' },
    });
    expect(response.headers.getSetCookie().some((value) => value.startsWith(SESSION_COOKIE))).toBe(false);
    const doc = parse(await response.text());
    expect(text(doc.querySelector('[role="alert"]'))).toBe('Identifiant ou mot de passe incorrect.');
    expect(doc.querySelector<HTMLInputElement>('#login')?.value).toBe('E-0000012345');
    expect(doc.querySelector<HTMLInputElement>('input[name="next"]')?.value).toBe('/services');
  });

  it('redirects a protected page to login with next, and an XHR gets 401 in French', async () => {
    const portal = createPortal();
    const page = await call(portal, '/services/MC-000123?tab=details');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(
      `/login?next=${encodeURIComponent('/services/MC-000123?tab=details')}`,
    );
    const xhr = await call(portal, '/services/MC-000123/details', { xhr: true });
    expect(xhr.status).toBe(401);
    expect((await xhr.json()).message).toMatch(/session a expiré/);
  });

  it('logout ends the session', async () => {
    const portal = createPortal();
    const cookie = await login(portal);
    expect((await call(portal, '/services', { cookie })).status).toBe(200);
    expect((await call(portal, '/logout', { cookie })).status).toBe(303);
    expect((await call(portal, '/services', { cookie })).status).toBe(302);
  });

  it('never redirects outside the site', () => {
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/services?x=1')).toBe('/services?x=1');
  });
});

describe('login redirect details', () => {
  it('sends a form POST without session back to the page it came from, and keeps ?demoPanel=0', async () => {
    const portal = createPortal();
    const post = await call(portal, '/services/MC-000123/licences/licence-full/resiliation', {
      form: { quantity: '1' },
      headers: { referer: 'https://demo.extranet.myopenip.fr/services/MC-000123?tab=details' },
    });
    expect(post.status).toBe(302);
    expect(post.headers.get('location')).toBe(
      `/login?next=${encodeURIComponent('/services/MC-000123?tab=details')}`,
    );
    const get = await call(portal, '/services?demoPanel=0');
    expect(get.headers.getSetCookie()[0]).toMatch(/^mock_demo_panel=0;/);
  });
});
