// @vitest-environment node
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import browsers from '../../../scripts/bootstrap/browsers.cjs';
import { readOptions } from '../../../scripts/cli-options';

const ROOT = resolve(import.meta.dirname, '../../..');
const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the launcher alone in a folder of its own: no node_modules, its own .nvmrc. */
function isolatedLauncher(nvmrc = '22'): string {
  const dir = mkdtempSync(join(tmpdir(), 'mla-launcher-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'scripts'));
  cpSync(join(ROOT, 'scripts/bootstrap.cjs'), join(dir, 'scripts/bootstrap.cjs'));
  cpSync(join(ROOT, 'scripts/bootstrap'), join(dir, 'scripts/bootstrap'), { recursive: true });
  writeFileSync(join(dir, '.nvmrc'), `${nvmrc}\n`);
  return dir;
}

function launch(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(dir, 'scripts/bootstrap.cjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    // Without the re-run marker of a launcher this test may itself run under (`npm test` on an old Node).
    env: { ...process.env, MLA_BOOTSTRAPPED_NODE: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('the launcher (scripts/bootstrap.cjs)', () => {
  it('runs the command and passes its exit code on, without its re-run marker', () => {
    const dir = isolatedLauncher();
    const script = 'console.log(process.env.MLA_BOOTSTRAPPED_NODE ?? "ran"); process.exit(3)';
    const ok = launch(dir, ['--', 'node', '-e', script], { MLA_BOOTSTRAPPED_NODE: '1' });
    expect(ok.stdout.trim()).toBe('ran');
    expect(ok.code).toBe(3);
  });

  it('passes a signal sent to it alone (a kill, a CI timeout) on to the command', async () => {
    const dir = isolatedLauncher();
    const script =
      "let n = 0; process.on('SIGINT', () => { n++; setTimeout(() => { console.log(n); process.exit(0); }, 1500); }); " +
      "console.log('ready'); setInterval(() => {}, 1000);";
    const child = spawn(process.execPath, [join(dir, 'scripts/bootstrap.cjs'), '--', 'node', '-e', script], {
      cwd: dir,
      env: { ...process.env, MLA_BOOTSTRAPPED_NODE: '' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out === 'ready\n') {
        child.kill('SIGINT');
      }
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(out.split('\n')).toEqual(['ready', '1', '']);
    expect(code).toBe(0);
  });

  it('without node_modules, says `npm ci` in one line instead of `tsx: not found`', () => {
    const dir = isolatedLauncher();
    const run = launch(dir, ['--label', 'demo', '--', 'tsx', 'scripts/demo.ts']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('[demo] dépendances absentes : lancez `npm ci` puis relancez.');
  });

  it('refuses its own bad options in one line', () => {
    const dir = isolatedLauncher();
    expect(launch(dir, ['--need', 'safari', '--', 'node']).stderr).toBe(
      '[mla] --need : « safari » inconnu (chromium, firefox, xvfb).',
    );
    expect(launch(dir, ['--']).stderr).toBe('[mla] aucune commande après « -- ».');
  });

  it('on an older Node, re-runs itself with the cached Node (first on PATH), and never loops', () => {
    // .nvmrc asks for a Node newer than the one running the test: the "cached" Node is a stand-in
    // that records it was used, then runs the real one, which is still too old: the guard stops.
    const dir = isolatedLauncher('99');
    const cache = join(dir, 'cache');
    const bin = join(cache, 'node_modules/node/bin');
    mkdirSync(bin, { recursive: true });
    const marker = join(dir, 'used');
    writeFileSync(
      join(bin, 'node'),
      `#!/bin/sh\necho "$PATH" > '${marker}'\nexec '${process.execPath}' "$@"\n`,
    );
    chmodSync(join(bin, 'node'), 0o755);
    const run = launch(dir, ['--label', 'demo', '--', 'node', '-e', '1'], { MLA_NODE_DIR: cache });
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe(`[demo] Node ${process.version} < 99 : relance avec le Node 99 de ${cache}`);
    expect(lines[1]).toBe(
      `[demo] Node ${process.version} au lieu de Node 99 après installation : videz ${cache} et relancez.`,
    );
    expect(lines).toHaveLength(2);
    expect(run.code).toBe(1);
    expect(readFileSync(marker, 'utf8').startsWith(`${bin}:`)).toBe(true);
  });
});

describe('browsers.cjs', () => {
  const none = () => false;

  it('prefers the env override, and says in French when it points nowhere', () => {
    expect(browsers.locateBrowser('chromium', { CHROMIUM_PATH: '/x/chrome' }, 'linux', () => true)).toEqual({
      path: '/x/chrome',
    });
    expect(browsers.locateBrowser('firefox', { FIREFOX_PATH: '/nope' }, 'linux', none).problem).toBe(
      'FIREFOX_PATH=/nope n’existe pas : corrigez ou retirez cette variable',
    );
  });

  it('looks where Debian, macOS and Windows put them, never at branded Chrome', () => {
    const env = { PLAYWRIGHT_BROWSERS_PATH: '/nowhere' };
    expect(browsers.browserCandidates('chromium', env, 'linux')).toContain('/usr/bin/chromium');
    expect(browsers.browserCandidates('firefox', env, 'linux')[0]).toBe('/usr/bin/firefox-esr');
    expect(browsers.browserCandidates('firefox', env, 'darwin')).toContain(
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    );
    expect(browsers.browserCandidates('firefox', { ...env, ProgramFiles: 'C:\\PF' }, 'win32')[0]).toMatch(
      /Mozilla Firefox.firefox\.exe$/,
    );
    const all = ['linux', 'darwin', 'win32'].flatMap((platform) =>
      browsers.browserCandidates('chromium', env, platform as NodeJS.Platform),
    );
    expect(all.filter((path) => /google-chrome|Google Chrome\.app/.test(path))).toEqual([]);
    expect(browsers.locateBrowser('chromium', env, 'linux', none).problem).toBe('chromium introuvable');
  });

  it('finds Playwright’s newest Chromium download first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mla-pw-'));
    scratch.push(dir);
    const candidates = browsers.browserCandidates('chromium', { PLAYWRIGHT_BROWSERS_PATH: dir }, 'linux');
    expect(candidates[0]).toBe('/usr/bin/chromium');
    for (const revision of ['chromium-1100', 'chromium-1200', 'firefox-1']) mkdirSync(join(dir, revision));
    const found = browsers.browserCandidates('chromium', { PLAYWRIGHT_BROWSERS_PATH: dir }, 'linux');
    expect(found[0]).toBe(join(dir, 'chromium-1200/chrome-linux64/chrome'));
    expect(found.some((path) => path.includes('firefox-1'))).toBe(false);
  });

  it('gives the one command to run, per platform', () => {
    expect(browsers.installHint(['chromium', 'firefox'], 'linux', 'debian')).toBe(
      'sudo apt-get install -y chromium firefox-esr',
    );
    expect(browsers.installHint(['chromium', 'firefox'], 'linux', 'ubuntu')).toBe(
      'npx playwright install chromium && sudo apt-get install -y firefox',
    );
    expect(browsers.installHint(['firefox'], 'darwin')).toBe('brew install --cask firefox');
    expect(browsers.installHint(['chromium'], 'win32')).toBe('npx playwright install chromium');
  });
});

describe('readOptions (node:util parseArgs, French errors)', () => {
  const spec = { port: { type: 'string' }, headless: { type: 'boolean' } } as const;
  it('reads both spellings and refuses the rest in French', () => {
    expect(readOptions(['--port', '1', '--headless'], spec)).toEqual({ port: '1', headless: true });
    expect(readOptions(['--port=2'], spec)).toEqual({ port: '2' });
    expect(() => readOptions(['--port='], spec)).toThrow('--port attend une valeur.');
    expect(() => readOptions(['--port', '--headless'], spec)).toThrow('--port attend une valeur.');
    expect(() => readOptions(['--headless=oui'], spec)).toThrow('--headless ne prend pas de valeur.');
    expect(() => readOptions(['chromium'], spec)).toThrow('Argument inattendu « chromium ».');
    expect(() => readOptions(['--bogus'], spec)).toThrow('Option inconnue « --bogus ».');
  });
});
