// @vitest-environment node
/** `npm run fixture:add`: refuses what looks personal (naming it), stores, writes the expectation. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../../lib/capture/capture-page';
import { addFixture, CAPTURED_DIR, fixtureName } from '../../../scripts/fixture-add/add-fixture';
import { load } from './mock-pages';

const PAGE = `<html><body><h2>Nombre de licences</h2><table><tbody>
  <tr><td>Licence full</td><td>x / 2</td></tr><tr><td>Licence simple</td><td>1 / 1</td></tr>
  </tbody></table><p>Client : Boulangerie Dupont, jean.dupont@exemple.fr, 01 84 78 78 80</p></body></html>`;

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'mla-fixture-add-'));
  const capture = captureDocument(load(PAGE), { path: '/services/MC-000123' });
  const file = join(root, 'capture.html');
  writeFileSync(file, capture.html);
  return { root, file, capture };
}

describe('fixture:add', () => {
  it('stores an anonymised capture and its reading, marked "to review"', () => {
    const { root, file, capture } = workspace();
    const result = addFixture({ file, root, name: 'Détails cassés' });
    expect(result).toMatchObject({ ok: true, review: 'to review' });
    const dir = join(root, CAPTURED_DIR);
    expect(readFileSync(join(dir, 'details-casses.html'), 'utf8')).toBe(capture.html);
    const expected = JSON.parse(readFileSync(join(dir, 'details-casses.expected.json'), 'utf8'));
    expect(expected.review).toBe('to review');
    expect(expected.reading.licences.map((licence: { state: string }) => licence.state)).toEqual([
      'unknown',
      'sda-linked',
    ]);
    expect(addFixture({ file, root, name: 'Détails cassés' })).toMatchObject({ ok: false });
    expect(addFixture({ file, root, name: 'Détails cassés', force: true })).toMatchObject({ ok: true });
  });

  it('takes a reviewed expectation with --expect', () => {
    const { root, file, capture } = workspace();
    const expectation = join(root, 'attendu.json');
    writeFileSync(expectation, JSON.stringify(capture.info.reading));
    expect(addFixture({ file, root, name: 'x', expect: expectation })).toMatchObject({
      ok: true,
      review: 'reviewed',
    });
  });

  it('refuses a page that is not anonymised, naming what looks personal', () => {
    const { root } = workspace();
    const raw = join(root, 'brut.html');
    const capture = captureDocument(load(PAGE));
    // A capture whose masking was undone: the comment block is there, the data too.
    writeFileSync(
      raw,
      capture.html.replace(
        '</body>',
        '<p>Jean Dupont jean.dupont@exemple.fr 01 84 78 78 80 MC-000123</p></body>',
      ),
    );
    const result = addFixture({ file: raw, root, name: 'brut' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const named = result.findings.map((finding) => `${finding.kind}:${finding.value}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'e-mail:jean.dupont@exemple.fr',
        'téléphone:01 84 78 78 80',
        'référence:MC-000123',
        'mot inconnu:Dupont',
      ]),
    );
  });

  it('refuses a file that is not a capture, and says why', () => {
    const { root } = workspace();
    const other = join(root, 'page.html');
    writeFileSync(other, PAGE);
    expect(addFixture({ file: other, root })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/mla-capture/),
    });
    expect(addFixture({ file: join(root, 'absent.html'), root })).toMatchObject({ ok: false });
  });

  it('names fixtures plainly', () => {
    expect(fixtureName('Capture Détails (1).HTML')).toBe('capture-details-1');
  });
});
