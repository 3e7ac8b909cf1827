// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capturedFixtures } from '../../../mocks/captured';
import { createPortal } from '../../../mocks/portal';
import { call } from './helpers';

describe('captured fixtures served by the mock', () => {
  const portal = createPortal();

  it('serves each fixture as a page, no session needed, and lists them', async () => {
    const [fixture] = capturedFixtures();
    if (!fixture) throw new Error('no captured fixture');
    const response = await call(portal, `/__variants/captured/${fixture.name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(readFileSync(fixture.htmlPath, 'utf8'));
    const list = await (await call(portal, '/__variants/captured')).json();
    expect(list.captured).toContain(fixture.name);
  });

  it('answers 404 for an unknown name or a path trick', async () => {
    expect((await call(portal, '/__variants/captured/absente')).status).toBe(404);
    expect((await call(portal, '/__variants/captured/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
