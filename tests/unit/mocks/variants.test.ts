// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseVariantNames, VARIANT_NAMES } from '../../../mocks/variants';
import { call, signedIn } from './helpers';

describe('markup variants', () => {
  it.each([
    ['', []],
    ['prix', ['prix']],
    ['prix,stepper', ['prix', 'stepper']],
    [' prix , prix ', ['prix']],
    [['bloc-cache'], ['bloc-cache']],
  ])('parses %j', (input, names) => {
    expect(parseVariantNames(input)).toEqual({ ok: true, names });
  });

  it.each([['prixx'], [['prix', 'nope']], [42], [null], [{ names: 'prix' }]])(
    'refuses %j by name',
    (input) => {
      const parsed = parseVariantNames(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/Variante inconnue|Liste de variantes attendue/);
    },
  );

  it('are off by default: the faithful portal', async () => {
    const { portal } = await signedIn();
    expect(portal.state().variants).toEqual([]);
    expect(portal.state().availableVariants.map((variant) => variant.name)).toEqual(VARIANT_NAMES);
  });

  it('?variante= on any URL switches them on (sticky), an empty one switches them off, the page still answers', async () => {
    const { portal, cookie } = await signedIn();
    const on = await call(portal, '/services?variante=prix,stepper', { cookie });
    expect(on.status).toBe(200);
    expect([...portal.variants]).toEqual(['prix', 'stepper']);
    await call(portal, '/services', { cookie });
    expect([...portal.variants]).toEqual(['prix', 'stepper']);
    await call(portal, '/services?variante=', { cookie });
    expect([...portal.variants]).toEqual([]);
  });

  it('an unknown name in ?variante= answers 400 with the known names, nothing switched', async () => {
    const { portal, cookie } = await signedIn();
    const response = await call(portal, '/services?variante=prixx', { cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('prix');
    expect(portal.variants.size).toBe(0);
  });

  it('POST /__mock/variants sets them; reset switches them off', async () => {
    const { portal } = await signedIn();
    const response = await call(portal, '/__mock/variants', { json: { names: ['bloc-cache'] } });
    expect(response.status).toBe(200);
    expect((await response.json()).variants).toEqual(['bloc-cache']);
    expect((await call(portal, '/__mock/variants', { json: { names: ['x'] } })).status).toBe(400);
    portal.reset();
    expect(portal.variants.size).toBe(0);
  });
});
