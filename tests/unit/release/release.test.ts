// @vitest-environment node
/**
 * `npm run release` end to end (~30 s): the folder holds the three zips of package.json's version,
 * their checksums and the changelog entry; the manifests are the production ones (portal hosts
 * only, the stable ids); the sources zip, built on its own, gives back the same extension files.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PUBLIC_KEY } from '../../../lib/extension-key';
import { PORTAL_HOST_MATCHES } from '../../../lib/hosts';
import { findEntry } from '../../../scripts/release/changelog';
import { artifactNames, CHECKSUMS_FILE, checkRelease, checksumLines } from '../../../scripts/release/check';
import { readZip } from '../../../scripts/release/zip-entries';

const ROOT = resolve(import.meta.dirname, '../../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const names = artifactNames(version);
const MINUTES = 60_000;
let work: string;
let out: string;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

const manifestOf = (zip: string) =>
  JSON.parse(readZip(zip).get('manifest.json')!.toString('utf8')) as Record<string, unknown>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mla-release-'));
  out = join(work, 'release');
  run('npm', ['run', 'release', '--', '--out', out], ROOT);
}, 4 * MINUTES);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run release', () => {
  it('puts the three zips, their checksums and the changelog entry in one folder', () => {
    expect(checkRelease(out, version)).toEqual([]);
    expect(readFileSync(join(out, CHECKSUMS_FILE), 'utf8').trim().split('\n')).toHaveLength(3);
    const notes = readFileSync(join(out, 'NOTES.md'), 'utf8').trim();
    expect(notes).toBe(findEntry(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version));
    expect(notes).toMatch(new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`));
  });

  it('ships the production manifests: the version, the portal hosts only, the stable ids', () => {
    const chrome = manifestOf(join(out, names.chrome));
    const firefox = manifestOf(join(out, names.firefox));
    for (const manifest of [chrome, firefox]) {
      expect(manifest.version).toBe(version);
      expect(manifest.host_permissions).toEqual(PORTAL_HOST_MATCHES);
      expect(manifest.permissions).toEqual(['storage', 'scripting']);
    }
    expect(chrome.key).toBe(CHROMIUM_PUBLIC_KEY);
    expect(firefox.key).toBeUndefined();
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: 'metacentrex-licence-assistant@myopenip-tools' },
    });
  });

  it('keeps the test kit out of the sources zip but what a rebuild needs in it', () => {
    const paths = [...readZip(join(out, names.sources)).keys()];
    expect(paths).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', '.nvmrc']),
    );
    expect(paths).toContain('scripts/bootstrap.cjs');
    expect(paths.filter((path) => /^(mocks|tests|docs|release|\.ci)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => /^scripts\/(demo|bench|release)\//.test(path))).toEqual([]);
  });

  it(
    'rebuilds, from the sources zip alone, the same extension files as the Chrome and Firefox zips',
    () => {
      const sources = join(work, 'sources');
      for (const [path, content] of readZip(join(out, names.sources))) {
        mkdirSync(dirname(join(sources, path)), { recursive: true });
        writeFileSync(join(sources, path), content);
      }
      symlinkSync(join(ROOT, 'node_modules'), join(sources, 'node_modules'), 'dir');
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
      delete env.MLA_TEST_BUILD;
      const wxt = join(ROOT, 'node_modules/.bin/wxt');
      run(wxt, ['zip'], sources, env);
      run(wxt, ['zip', '-b', 'firefox', '--mv3'], sources, env);
      for (const browser of ['chrome', 'firefox'] as const) {
        const released = readZip(join(out, names[browser]));
        const rebuilt = readZip(join(sources, '.output', names[browser]));
        expect([...rebuilt.keys()].sort()).toEqual([...released.keys()].sort());
        for (const [path, content] of released) expect(rebuilt.get(path)?.equals(content), path).toBe(true);
      }
    },
    4 * MINUTES,
  );

  it(
    'refuses a release whose zip comes from the test build (a test host in its manifest)',
    () => {
      const bad = join(work, 'bad');
      mkdirSync(bad);
      // Built in the test's own folder: `.output/test` is the e2e build (`npm run size` measures it too).
      const testBuild = join(work, 'test-build');
      run(join(ROOT, 'node_modules/.bin/wxt'), ['zip'], ROOT, {
        ...process.env,
        MLA_TEST_BUILD: '1',
        MLA_OUT_DIR: testBuild,
      });
      copyFileSync(join(testBuild, names.chrome), join(bad, names.chrome));
      for (const name of [names.firefox, names.sources]) copyFileSync(join(out, name), join(bad, name));
      writeFileSync(join(bad, CHECKSUMS_FILE), checksumLines(bad, Object.values(names)));
      expect(checkRelease(bad, version)).toContain(
        `${names.chrome} : manifest.json mentionne un hôte de test (localhost)`,
      );
      // Built under Vitest's NODE_ENV=test, the test build is also compiled in development mode.
      expect(checkRelease(bad, version)).toContain(
        `${names.chrome} : chunks/${[...readZip(join(bad, names.chrome)).keys()].find((path) => path.startsWith('chunks/popup'))?.slice(7)} est compilé en mode développement`,
      );
      writeFileSync(join(bad, CHECKSUMS_FILE), 'faux');
      expect(checkRelease(bad, version)).toContain(`${CHECKSUMS_FILE} ne correspond pas aux fichiers`);
    },
    2 * MINUTES,
  );
});
