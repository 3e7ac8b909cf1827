// @vitest-environment node
/**
 * The mocked portal's reading variants through the audit's off-screen reading (a browser's parsed
 * document has no window: no stylesheet applies): the tab's numbers, or « non reconnu » where only the
 * page's stylesheet tells which copy is shown (`bloc-cache`).
 */
import { describe, expect, it } from 'vitest';
import { judgeDetails } from '../../../lib/audit/judge';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import { VARIANT_NAMES, type VariantName } from '../../../mocks/variants';
import { call, parse, signedIn } from '../mocks/helpers';

async function detailsOffScreen(variants: VariantName[]): Promise<Document> {
  const { portal, cookie } = await signedIn();
  portal.setVariants(variants);
  const response = await call(portal, `/services/${CARD_SERVICE.ref}/details`, { cookie, xhr: true });
  const document = parse(await response.text());
  Object.defineProperty(document, 'defaultView', { value: null });
  return document;
}

describe('mock variants read off-screen', () => {
  it('the faithful card reads', async () => {
    const row = judgeDetails(CARD_SERVICE.ref, (await detailsOffScreen([])).body);
    expect(row.status).toBe('ok');
  });

  it.each(VARIANT_NAMES.map((name) => [name]))(
    '%s: the plain card’s numbers, or non reconnu',
    async (name) => {
      const plain = judgeDetails(CARD_SERVICE.ref, (await detailsOffScreen([])).body);
      const row = judgeDetails(CARD_SERVICE.ref, (await detailsOffScreen([name])).body);
      // The stale copy's class is not applied off-screen: two blocks; the footnote is ambiguous on the tab too.
      const unknown: readonly string[] = ['bloc-cache', 'renvoi'];
      expect(row.status).toBe(unknown.includes(name) ? 'unknown' : 'ok');
      if (row.status === 'ok')
        expect([row.terminable, row.sdaLinked]).toEqual([plain.terminable, plain.sdaLinked]);
    },
  );
});
