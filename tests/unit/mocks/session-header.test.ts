// Runs in the project's default happy-dom environment on purpose: its Request drops the Cookie header.
import { describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../../mocks/handlers/context';
import { createPortal } from '../../../mocks/portal';
import { call } from './helpers';

describe('session header for cookie-less test environments', () => {
  it('lets a happy-dom test fetch a protected fragment with x-mock-session', async () => {
    const portal = createPortal();
    const id = portal.sessions.create('E-0000012345');
    const response = await call(portal, '/services/MC-000123/details', { headers: { [SESSION_HEADER]: id } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Nombre de licences');
  });

  it('still refuses an unknown session id', async () => {
    const response = await call(createPortal(), '/services/MC-000123/details', {
      headers: { [SESSION_HEADER]: 'x' },
    });
    expect(response.status).toBe(401);
  });
});
