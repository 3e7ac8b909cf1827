// @vitest-environment node
/**
 * Every captured fixture (tests/fixtures/captured/, added with `npm run fixture:add`) is picked up
 * here: it must still be anonymised, reviewed by a person, and read by the extension exactly as the
 * reviewed expectation says. A new fixture needs no new test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectCapture } from '../../../lib/capture/detector';
import { readingOf } from '../../../lib/capture/reading';
import { capturedFixtures } from '../../../mocks/captured';
import { type ExpectedReading, parseCapture } from '../../../scripts/fixture-add/add-fixture';

const fixtures = capturedFixtures();

describe('captured fixtures', () => {
  it('there is at least one (the malformed Détails)', () => {
    expect(fixtures.map((fixture) => fixture.name)).toContain('malformed-details');
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s: read as reviewed, still anonymised',
    (_name, fixture) => {
      const html = readFileSync(fixture.htmlPath, 'utf8');
      const expected = JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as ExpectedReading;
      expect(expected.review, `${fixture.name}: review the expected reading, then mark it "reviewed"`).toBe(
        'reviewed',
      );
      const document = parseCapture(html);
      expect(inspectCapture(document, html)).toEqual([]);
      expect(readingOf(document)).toEqual(expected.reading);
    },
  );
});
