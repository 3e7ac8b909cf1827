/**
 * Hostile pass on the anonymised capture: personal data where a page can hide it beyond plain text
 * (enumerated attributes, digits split across inline elements, tag names, symbol letters), each
 * checked twice: the capture keeps none of it, and the detector `fixture:add` runs refuses a file
 * that holds it.
 */
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../../lib/capture/capture-page';
import { inspectCapture } from '../../../lib/capture/detector';
import { parse } from '../mocks/helpers';

function captured(body: string): string {
  const html = captureDocument(parse(`<html><body>${body}</body></html>`)).html;
  return html.slice(html.indexOf('<body>'));
}

/** The detector's findings on a file that holds `body` as it is (the capture block present). */
function findings(body: string): string[] {
  const html = `<!-- mla-capture {"path":"/","reading":{"licences":[]}} --><html><body>${body}</body></html>`;
  return inspectCapture(parse(html), html).map((finding) => finding.value);
}

describe('enumerated attributes keep only the platform keywords', () => {
  it.each([
    ['role', 'Jean Dupont'],
    ['type', 'Jean Dupont'],
    ['lang', 'Dupont'],
    ['dir', 'dupont'],
    ['data-toggle', 'Jean Dupont'],
    ['autocomplete', 'Jean Dupont'],
    ['aria-braillelabel', 'Jean Dupont'],
    ['aria-brailleroledescription', 'Marie Curie'],
    ['aria-keyshortcuts', 'Jean Dupont'],
    ['aria-valuenow', '0184'],
  ])('%s="%s" is dropped, and refused by the detector', (attribute, value) => {
    const body = `<div ${attribute}="${value}">x</div>`;
    expect(captured(body)).not.toContain(value);
    expect(findings(body)).toContain(value);
  });

  it.each([
    ['role', 'dialog'],
    ['type', 'number'],
    ['lang', 'fr-FR'],
    ['aria-hidden', 'true'],
    ['aria-level', '2'],
    ['data-toggle', 'tooltip'],
    ['aria-live', 'polite'],
  ])('%s="%s" is kept', (attribute, value) => {
    const body = `<div ${attribute}="${value}">x</div>`;
    expect(captured(body)).toContain(`${attribute}="${value}"`);
    expect(findings(body)).toEqual([]);
  });
});

describe('numbers in groups', () => {
  it('two numbers side by side beside a portal word are masked, and refused by the detector', () => {
    expect(captured('<p>Numéro 12 34</p>')).toContain('<p>Numéro 00 00</p>');
    expect(findings('<p>Numéro 12 34</p>')).toContain('12 34');
  });
});
