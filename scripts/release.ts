/**
 * `npm run release`: everything a version ships, in one folder (`release/<version>/`, or `--out`):
 * the Chrome zip, the Firefox zip, the sources zip AMO asks for, SHA256SUMS, and NOTES.md (the
 * version's CHANGELOG.md entry, written at the top of CHANGELOG.md from the commits since it last
 * changed when there is none yet). The version is package.json's. Refuses to finish when the
 * artifacts are wrong (scripts/release/check.ts): e.g. a test host in a manifest.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readOptions, UsageError } from './cli-options';
import { withEntry } from './release/changelog';
import { artifactNames, CHECKSUMS_FILE, checkRelease, checksumLines } from './release/check';

const ROOT = resolve(import.meta.dirname, '..');
const say = (line: string) => console.log(`[release] ${line}`);

const USAGE = `Utilisation : npm run release -- [--out DOSSIER]
  --out DOSSIER   où écrire la version (release/<version>)`;

/** The subjects of the commits since CHANGELOG.md last changed (all of them when it never did). */
function commitsSinceChangelog(): string[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const last = git('log', '-1', '--format=%H', '--', 'CHANGELOG.md');
    return git('log', '--no-merges', '--format=%s', ...(last ? [`${last}..HEAD`] : []))
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

function wxtZip(args: string[]): void {
  // The production build: the test build's hosts must never reach a release, and an inherited
  // NODE_ENV (e.g. `test`) would make Preact's preset compile JSX in development mode, with this
  // machine's absolute source paths in the bundles.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.MLA_TEST_BUILD;
  const result = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['zip', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new UsageError(`\`wxt zip ${args.join(' ')}\` a échoué (code ${result.status}).`);
  }
}

function main(): number {
  let out: string | undefined;
  try {
    ({ out } = readOptions(process.argv.slice(2), { out: { type: 'string' } }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`[release] ${error.message}\n${USAGE}`);
    return 2;
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const dir = resolve(ROOT, out ?? join('release', version));
  const names = artifactNames(version);

  say(`Version ${version} (package.json) → ${relative(ROOT, dir) || dir}/`);
  for (const name of Object.values(names)) rmSync(join(ROOT, '.output', name), { force: true });
  say('Construction et zip Chrome…');
  wxtZip([]);
  say('Construction et zip Firefox, et zip des sources…');
  wxtZip(['-b', 'firefox', '--mv3']);

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of Object.values(names)) {
    const built = join(ROOT, '.output', name);
    if (!existsSync(built)) throw new UsageError(`${name} n’a pas été produit par wxt zip.`);
    copyFileSync(built, join(dir, name));
  }
  writeFileSync(join(dir, CHECKSUMS_FILE), checksumLines(dir, Object.values(names)));

  const changelogPath = join(ROOT, 'CHANGELOG.md');
  const changelog = withEntry(
    existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '',
    version,
    new Date().toISOString().slice(0, 10),
    commitsSinceChangelog(),
  );
  if (changelog.added) {
    writeFileSync(changelogPath, changelog.text);
    say(`CHANGELOG.md : entrée ${version} ajoutée depuis les commits — relisez-la avant de publier.`);
  }
  writeFileSync(join(dir, 'NOTES.md'), `${changelog.entry}\n`);

  const problems = checkRelease(dir, version);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[release] ✗ ${problem}`);
    return 1;
  }
  for (const name of [...Object.values(names), CHECKSUMS_FILE, 'NOTES.md']) say(`  ✓ ${name}`);
  say('Firefox : faites signer le zip par AMO (`web-ext sign --channel=unlisted`, docs/deploiement.md).');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`[release] ${error instanceof UsageError ? error.message : String(error)}`);
  process.exitCode = 1;
}
