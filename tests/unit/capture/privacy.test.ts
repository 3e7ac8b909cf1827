/**
 * An anonymised capture keeps none of a page's personal data: a Détails page full of it (texts,
 * attributes, links, titles, form values, placeholders, comments), and random strings of those shapes
 * placed anywhere (fast-check). Checked by the detector `fixture:add` uses and by exact search.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { captureDocument } from '../../../lib/capture/capture-page';
import { inspectCapture } from '../../../lib/capture/detector';
import { parse } from '../mocks/helpers';
import { PERSONAL, personalFragments } from './personal-data';

function markupOf(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A Détails-like page with `value` in every place a page can hold text. */
function pageWith(values: readonly string[]): string {
  const cells = values
    .map(
      (value, index) => `<tr id="row-${index}" data-client="${markupOf(value)}">
      <td class="col-sm-6" title="${markupOf(value)}" aria-label="${markupOf(value)}">${markupOf(value)}</td>
      <td><a href="/services/${encodeURIComponent(value)}?client=${encodeURIComponent(value)}#${encodeURIComponent(value)}">${markupOf(value)}</a></td>
      <td><input type="text" name="q${index}" value="${markupOf(value)}" placeholder="${markupOf(value)}"></td>
      <td><!-- ${markupOf(value)} --><img src="/photo/${encodeURIComponent(value)}.png" alt="${markupOf(value)}"></td>
      <td style="background:url(/x/${encodeURIComponent(value)})"><textarea>${markupOf(value)}</textarea></td>
      <td><select><option value="${markupOf(value)}">${markupOf(value)}</option></select></td>
      <td><a href="mailto:${markupOf(value)}">@</a><a href="tel:${markupOf(value)}">☎</a></td>
    </tr>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><title>${markupOf(values[0] ?? '')}</title>
  <script>var client = ${JSON.stringify(values)};</script></head><body>
  <h1 class="h3">${markupOf(values.join(' · '))}</h1>
  <div class="panel"><h2 class="panel-title">Nombre de licences</h2><table class="table"><tbody>
  <tr><td>Licence full</td><td><span>1 / 2</span></td></tr>
  <tr><td>Licence simple</td><td><span>1 / 1</span></td></tr>
  </tbody></table></div>
  <table class="table"><tbody>${cells}</tbody></table>
  <iframe src="https://tiers.example/${encodeURIComponent(values[0] ?? '')}"></iframe>
  </body></html>`;
}

function loaded(markup: string): Document {
  const document = parse(markup);
  return document;
}

function survivors(html: string, values: readonly string[]): string[] {
  const lower = html.toLowerCase();
  return values
    .flatMap((value) => [value, ...personalFragments(value)])
    .filter((piece) => piece.length >= 3 && lower.includes(piece.toLowerCase()));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('privacy of the anonymised capture', () => {
  it('keeps nothing of a page full of names, e-mails, phones, addresses, references, prices, dates', () => {
    const capture = captureDocument(loaded(pageWith(PERSONAL)), {
      path: '/services/MC-000123?client=Dupont',
    });
    expect(survivors(capture.html, PERSONAL)).toEqual([]);
    expect(inspectCapture(parse(capture.html), capture.html)).toEqual([]);
    expect(capture.html).not.toMatch(/<script|src=|url\(|value=|<!-- (?!mla-capture)/i);
    expect(capture.info.path).toBe('/services/XX-000000?client=Xxxxxx');
    // The portal's own words and counts stay: the capture is still a Détails page.
    expect(capture.html).toContain('Nombre de licences');
    expect(capture.html).toContain('<span>1 / 2</span>');
    expect(capture.maskedTexts).toBeGreaterThan(PERSONAL.length * 5);
  });

  it('the detector sees each kind of personal data in an unmasked page', () => {
    const markup = pageWith(PERSONAL);
    const found = inspectCapture(parse(markup), markup).map((finding) => finding.value);
    for (const value of [...PERSONAL.filter((value) => /\d|@/.test(value))])
      expect(found.join('\n'), value).toContain(value.split(/[\s,]+/).find((part) => /\d|@/.test(part)));
    expect(found).toContain('Dupont');
  });

  it('keeps lengths and spacing: same-shape placeholders', () => {
    const capture = captureDocument(loaded('<html><body><p>Jean  Dupont, 01 84 78 78 80</p></body></html>'));
    expect(capture.html).toContain('<p>Xxxx  Xxxxxx, 00 00 00 00 00</p>');
  });

  const shapes = fc.oneof(
    fc.constantFrom(...PERSONAL),
    fc
      .tuple(
        fc.constantFrom('Jean', 'Aïcha', 'Éloïse', 'Pierre-Yves'),
        fc.constantFrom('Dupont', 'N’Diaye', 'Martin'),
      )
      .map(([first, last]) => `${first} ${last}`),
    fc
      .tuple(
        fc.stringMatching(/^[a-z]{2,8}$/),
        fc.stringMatching(/^[a-z]{2,8}$/),
        fc.constantFrom('fr', 'com', 'org'),
      )
      .map(([user, domain, tld]) => `${user}@${domain}.${tld}`),
    fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(' ', '.', '-', ''),
      )
      .map(([first, pairs, sep]) =>
        [`0${first}`, ...pairs.map((pair) => String(pair).padStart(2, '0'))].join(sep),
      ),
    fc
      .tuple(fc.constantFrom('MC', 'CC', 'SV', 'E'), fc.integer({ min: 100, max: 9_999_999 }))
      .map(([prefix, n]) => `${prefix}-${String(n).padStart(6, '0')}`),
    fc
      .tuple(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1990, max: 2030 }),
      )
      .map(([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`),
    fc
      .tuple(fc.integer({ min: 10, max: 99_999 }), fc.integer({ min: 0, max: 99 }))
      .map(([e, c]) => `${e},${String(c).padStart(2, '0')} €`),
  );

  it('property: strings of those shapes placed anywhere never survive', () => {
    fc.assert(
      fc.property(fc.array(shapes, { minLength: 1, maxLength: 4 }), (values) => {
        const capture = captureDocument(loaded(pageWith(values)), {
          path: `/services/${encodeURIComponent(values[0] ?? '')}?q=${encodeURIComponent(values.at(-1) ?? '')}`,
        });
        expect(survivors(capture.html, values)).toEqual([]);
        expect(inspectCapture(parse(capture.html), capture.html)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
