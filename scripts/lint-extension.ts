/**
 * `npm run lint:ext` (run after a build): every built extension must pass `web-ext lint` with no
 * error and no warning, and ask for exactly the permissions allowed: `storage`, `scripting` (the
 * background injects the assistant where the detector found licence content; no install warning in
 * Chrome or Firefox) and the portal's hosts (plus the mocked portal's, in the test build). Prints every finding; exits 1 on any.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PORTAL_HOST_MATCHES, TEST_HOST_MATCHES } from '../lib/hosts';

const root = resolve(import.meta.dirname, '..');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');
const PERMISSIONS = ['storage', 'scripting'];

interface Build {
  dir: string;
  browser: 'chrome' | 'firefox';
  hosts: readonly string[];
}

const BUILDS: Build[] = [
  { dir: '.output/chrome-mv3', browser: 'chrome', hosts: PORTAL_HOST_MATCHES },
  { dir: '.output/firefox-mv3', browser: 'firefox', hosts: PORTAL_HOST_MATCHES },
  {
    dir: '.output/test/chrome-mv3',
    browser: 'chrome',
    hosts: [...PORTAL_HOST_MATCHES, ...TEST_HOST_MATCHES],
  },
  {
    dir: '.output/test/firefox-mv3',
    browser: 'firefox',
    hosts: [...PORTAL_HOST_MATCHES, ...TEST_HOST_MATCHES],
  },
];

interface Finding {
  code?: string;
  message?: string;
  file?: string;
  line?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: Finding[];
  warnings: Finding[];
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** What is wrong with the manifest's permissions and matches (empty when nothing). */
export function manifestProblems(manifest: Record<string, unknown>, hosts: readonly string[]): string[] {
  const problems: string[] = [];
  const permissions = (manifest.permissions as string[] | undefined) ?? [];
  const hostPermissions = (manifest.host_permissions as string[] | undefined) ?? [];
  if (!sameSet(permissions, PERMISSIONS))
    problems.push(`permissions ${JSON.stringify(permissions)} au lieu de ${JSON.stringify(PERMISSIONS)}`);
  if (!sameSet(hostPermissions, hosts))
    problems.push(`host_permissions ${JSON.stringify(hostPermissions)} au lieu de ${JSON.stringify(hosts)}`);
  for (const key of ['optional_permissions', 'optional_host_permissions'])
    if (key in manifest) problems.push(`clé inattendue ${key}`);
  // No file exposed to pages: the capture's code is injected like the assistant (a page could fetch an
  // exposed file and so detect the extension).
  if ('web_accessible_resources' in manifest) problems.push('clé inattendue web_accessible_resources');
  const scripts = (manifest.content_scripts as { matches?: string[] }[] | undefined) ?? [];
  if (scripts.length === 0) problems.push('aucun content script');
  for (const script of scripts)
    if (!sameSet(script.matches, hosts))
      problems.push(`content_scripts.matches ${JSON.stringify(script.matches)}`);
  return problems;
}

async function webExtLint(dir: string): Promise<LintReport> {
  // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
  const output = await promisify(execFile)(webExt, ['lint', '--source-dir', dir, '--output', 'json'], {
    cwd: root,
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const start = output.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint n'a pas produit de JSON pour ${dir}`);
  return JSON.parse(output.slice(start)) as LintReport;
}

function findingText(finding: Finding): string {
  const where = finding.file ? ` (${finding.file}${finding.line ? `:${finding.line}` : ''})` : '';
  return `${finding.code ?? '?'}: ${finding.message ?? ''}${where}`;
}

async function main(): Promise<number> {
  const present = BUILDS.filter((build) => existsSync(join(root, build.dir, 'manifest.json')));
  if (present.length === 0) {
    console.error('lint:ext : aucune extension construite — lancez `npm run build` ou `npm run build:test`.');
    return 1;
  }
  let failures = 0;
  for (const build of present) {
    const manifest = JSON.parse(readFileSync(join(root, build.dir, 'manifest.json'), 'utf8'));
    const problems = manifestProblems(manifest, build.hosts);
    if (build.browser === 'firefox') {
      const report = await webExtLint(join(root, build.dir));
      for (const finding of report.errors) problems.push(`web-ext erreur ${findingText(finding)}`);
      // No warning is accepted (the last one, the capture's on-demand import(), went with it).
      for (const finding of report.warnings) problems.push(`web-ext avertissement ${findingText(finding)}`);
      console.log(
        `${build.dir}: web-ext lint ${report.summary.errors} erreur(s), ${report.summary.warnings} avertissement(s), ${report.summary.notices} remarque(s)`,
      );
    }
    for (const problem of problems) console.error(`${build.dir}: ${problem}`);
    if (problems.length === 0) console.log(`${build.dir}: OK`);
    failures += problems.length;
  }
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error('lint:ext :', error);
      process.exit(1);
    },
  );
}
