import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

describe('the extension never writes HTML from strings', () => {
  const files = ['lib/ui', 'lib/features', 'lib/runtime', 'lib/i18n', 'lib/settings', 'entrypoints'].flatMap(
    (dir) => sources(join(root, dir)),
  );

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [file.slice(root.length + 1), file]))(
    '%s has no innerHTML, outerHTML or insertAdjacentHTML',
    (_, file) => {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/,
      );
    },
  );
});
