/**
 * What a release folder must be, checked by `npm run release` before it says "done" and by
 * tests/unit/release/release.test.ts: the three zips of the version, each manifest at that version
 * and on the portal's hosts only (no test host: the test build must never ship), and checksums that
 * match the files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from './zip-entries';

export const PACKAGE_NAME = 'metacentrex-licence-assistant';

export function artifactNames(version: string) {
  return {
    chrome: `${PACKAGE_NAME}-${version}-chrome.zip`,
    firefox: `${PACKAGE_NAME}-${version}-firefox.zip`,
    sources: `${PACKAGE_NAME}-${version}-sources.zip`,
  };
}

export const CHECKSUMS_FILE = 'SHA256SUMS';

/** Anything that only the test build or a developer's machine would put in a shipped file. */
const TEST_HOSTS = /localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]/;

/** What JSX compiled in development mode leaves: the source file and line of every element. */
const DEVELOPMENT_JSX = /\{fileName:[^{}]*,lineNumber:\d+/;

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** `<sha256>  <name>` lines, as `sha256sum -c` reads them. */
export function checksumLines(dir: string, names: readonly string[]): string {
  return `${names.map((name) => `${sha256(join(dir, name))}  ${name}`).join('\n')}\n`;
}

/** Every problem with the release in `dir` for `version` (empty when it is right). */
export function checkRelease(dir: string, version: string): string[] {
  const names = artifactNames(version);
  const problems: string[] = [];
  for (const name of Object.values(names)) if (!existsSync(join(dir, name))) problems.push(`${name} absent`);
  if (problems.length > 0) return problems;

  for (const browser of ['chrome', 'firefox'] as const) {
    const files = readZip(join(dir, names[browser]));
    const manifestText = files.get('manifest.json')?.toString('utf8');
    if (!manifestText) {
      problems.push(`${names[browser]} : pas de manifest.json`);
      continue;
    }
    const manifest = JSON.parse(manifestText) as Record<string, unknown>;
    if (manifest.version !== version)
      problems.push(`${names[browser]} : version ${manifest.version}, pas ${version}`);
    if (manifest.manifest_version !== 3)
      problems.push(`${names[browser]} : manifest_version ${manifest.manifest_version}`);
    for (const [path, content] of files) {
      if (!/\.(js|json|html|css)$/.test(path)) continue;
      const text = content.toString('utf8');
      const host = TEST_HOSTS.exec(text)?.[0];
      if (host) problems.push(`${names[browser]} : ${path} mentionne un hôte de test (${host})`);
      if (DEVELOPMENT_JSX.test(text))
        problems.push(`${names[browser]} : ${path} est compilé en mode développement`);
    }
  }

  const checksums = join(dir, CHECKSUMS_FILE);
  if (!existsSync(checksums)) problems.push(`${CHECKSUMS_FILE} absent`);
  else if (readFileSync(checksums, 'utf8') !== checksumLines(dir, Object.values(names))) {
    problems.push(`${CHECKSUMS_FILE} ne correspond pas aux fichiers`);
  }
  return problems;
}
