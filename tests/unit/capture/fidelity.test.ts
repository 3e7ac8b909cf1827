// @vitest-environment node
/**
 * A capture reproduces what the user saw: for each mocked page (the card, the other scenarios, each
 * markup variant, the malformed-Détails fault, a termination dialog open), the extension's reading of the capture,
 * served back, equals its reading of the original.
 */
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../../lib/capture/capture-page';
import { readingOf } from '../../../lib/capture/reading';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import { VARIANT_NAMES } from '../../../mocks/variants';
import { load, mockPages } from './mock-pages';

const CASES = [
  { title: 'carte', load: () => mockPages('carte') },
  { title: 'carte, Détails malformé', load: () => mockPages('carte', { malformed: true }) },
  { title: 'mixte', load: () => mockPages('mixte') },
  { title: 'tout-lie', load: () => mockPages('tout-lie') },
  { title: 'vide', load: () => mockPages('vide') },
  ...VARIANT_NAMES.map((name) => ({
    title: `variante ${name}`,
    load: () => mockPages('carte', { variants: [name] }),
  })),
];

describe('fidelity: the reading of a capture equals the reading of the page', () => {
  for (const { title, load: pagesOf } of CASES) {
    it(title, async () => {
      for (const { name, document } of await pagesOf()) {
        const original = readingOf(document);
        const capture = captureDocument(document, { path: `/services/${CARD_SERVICE.ref}?tab=details` });
        expect(capture.info.reading, `${title} · ${name}: the reading recorded in the capture`).toEqual(
          original,
        );
        expect(readingOf(load(capture.html)), `${title} · ${name}: the capture served back`).toEqual(
          original,
        );
      }
    }, 30_000);
  }

  it('what the site hides (inline style, its CSS, `hidden`) stays hidden in the capture', () => {
    const page = load(`<html><head><style>.gone{display:none}</style></head><body>
      <h2>Nombre de licences</h2><table><tbody>
      <tr><td>Licence full</td><td>1 / 2</td></tr>
      <tr style="display:none"><td>Licence full</td><td>9 / 9</td></tr>
      <tr class="gone"><td>Licence simple</td><td>7 / 7</td></tr>
      <tr hidden><td>Licence SVI</td><td>8 / 8</td></tr>
      </tbody></table></body></html>`);
    const original = readingOf(page);
    expect(original.licences.map((licence) => licence.label)).toEqual(['Licence full']);
    const capture = captureDocument(page);
    expect(capture.html).toContain('<tr class="gone" data-mla-display="none">');
    expect(readingOf(load(capture.html))).toEqual(original);
  });

  it('the malformed Détails reads "non reconnu" in the capture too: rows, and the guard\'s maximum', async () => {
    const [details, dialog] = await mockPages('carte', { malformed: true });
    const reading = readingOf(load(captureDocument(details!.document).html));
    expect(reading.licences.map((licence) => licence.state)).toContain('unknown');
    expect(readingOf(load(captureDocument(dialog!.document).html)).dialogs).toEqual([
      { licence: 'Licence full', max: null, reason: 'not-a-number' },
    ]);
  });
});
