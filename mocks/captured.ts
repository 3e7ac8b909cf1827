/**
 * The anonymised captures of real portal pages kept as fixtures (tests/fixtures/captured/, added with
 * `npm run fixture:add`): listed here for the mock (which serves them back) and the tests (which read
 * them). Read from disk: the mock only runs in Node (its server, Playwright routes, Vitest).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CAPTURED_FIXTURES_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'captured');

export interface CapturedFixture {
  name: string;
  htmlPath: string;
  expectedPath: string;
}

export function capturedFixtures(dir = CAPTURED_FIXTURES_DIR): CapturedFixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      return { name, htmlPath: join(dir, file), expectedPath: join(dir, `${name}.expected.json`) };
    });
}

/** A fixture's page, `null` when there is none of that name (names are plain: no path tricks). */
export function capturedPage(name: string, dir = CAPTURED_FIXTURES_DIR): string | null {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return null;
  const fixture = capturedFixtures(dir).find((candidate) => candidate.name === name);
  return fixture ? readFileSync(fixture.htmlPath, 'utf8') : null;
}
