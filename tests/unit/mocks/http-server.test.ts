// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { type PortalServer, startPortalServer } from '../../../mocks/server/http-server';

let server: PortalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('startPortalServer', () => {
  it('starts on a free port, prints a localhost URL, serves the portal, closes', async () => {
    server = await startPortalServer({ port: 0, scenario: 'mixte' });
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const login = await fetch(`${server.origin}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('id="login"');
    const state = await (await fetch(`${server.origin}/__mock/state`)).json();
    expect(state.scenario).toBe('mixte');
    expect((await fetch(`${server.origin}/nulle-part`)).status).toBe(404);
  });

  it('keeps the session cookie across requests and serves a whole journey', async () => {
    server = await startPortalServer({ port: 0 });
    const answer = await fetch(`${server.origin}/login`, {
      method: 'POST',
      body: new URLSearchParams({ login: 'E-0000012345', password: 'demo1234', next: '/services' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const cookie = answer.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const list = await fetch(`${server.origin}/services`, { headers: { cookie } });
    expect(await list.text()).toContain('Standard Siège');
    const done = await fetch(`${server.origin}/services/MC-000123/licences/licence-full/resiliation`, {
      method: 'POST',
      headers: { cookie, 'X-Requested-With': 'XMLHttpRequest' },
      body: new URLSearchParams({ quantity: '1' }),
    });
    expect(done.status).toBe(200);
    expect(server.portal.store.licenceCount('MC-000123', 'licence-full')?.subscribed).toBe(1);
  });

  it('drops the connection when the dropConnection fault is on; nothing changes', async () => {
    server = await startPortalServer({ port: 0 });
    const answer = await fetch(`${server.origin}/login`, {
      method: 'POST',
      body: new URLSearchParams({ login: 'qa@example.test', password: 'demo1234' }),
      redirect: 'manual',
    });
    const cookie = answer.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    server.portal.setFaults({ dropConnection: true });
    await expect(
      fetch(`${server.origin}/services/MC-000123/licences/licence-full/resiliation`, {
        method: 'POST',
        headers: { cookie, 'X-Requested-With': 'XMLHttpRequest' },
        body: new URLSearchParams({ quantity: '1' }),
      }),
    ).rejects.toThrow();
    expect(server.portal.store.licenceCount('MC-000123', 'licence-full')?.subscribed).toBe(2);
  });
});
