// Where the browsers the demo and the tests drive live, and how to get one that is missing.
// Plain CommonJS with no dependency: the launcher (scripts/bootstrap.cjs) runs it on any Node from
// 18 on, before `npm ci` has necessarily run; the TypeScript side (tests/e2e/support/find-browser.ts,
// the demo) loads the same file so there is one list of places.
'use strict';

const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const ENV_OVERRIDE = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

/** Debian package of each thing the launcher can install (`xvfb` only matters for headed CI runs). */
const APT_PACKAGE = { chromium: 'chromium', firefox: 'firefox-esr', xvfb: 'xvfb' };

/** Playwright's download folder (`npx playwright install chromium`), per platform. */
function playwrightCacheDir(env, platform) {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0')
    return env.PLAYWRIGHT_BROWSERS_PATH;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'ms-playwright');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ms-playwright');
}

/** Playwright's Chromium builds, newest revision first (their executable's place varies by release). */
function playwrightChromiums(env, platform) {
  const dir = playwrightCacheDir(env, platform);
  let revisions;
  try {
    revisions = readdirSync(dir)
      .filter((name) => /^chromium-\d+$/.test(name))
      .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  } catch {
    return [];
  }
  const inside =
    platform === 'darwin'
      ? [
          'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
          'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
          'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
        ]
      : platform === 'win32'
        ? ['chrome-win64/chrome.exe', 'chrome-win/chrome.exe']
        : ['chrome-linux64/chrome', 'chrome-linux/chrome'];
  return revisions.flatMap((revision) => inside.map((path) => join(dir, revision, path)));
}

/**
 * Every place a usable browser may be, in order of preference. Branded Google Chrome is left out on
 * purpose: since version 137 it ignores `--load-extension`, so the extension would silently be
 * missing. Firefox must be a stock build (driven over WebDriver BiDi), which Playwright's patched
 * Firefox is not; a snap Firefox cannot use a profile in the temporary folder.
 */
function browserCandidates(name, env = process.env, platform = process.platform) {
  const programFiles = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(Boolean);
  if (name === 'chromium') {
    return [
      ...playwrightChromiums(env, platform),
      ...(platform === 'darwin'
        ? [
            '/Applications/Chromium.app/Contents/MacOS/Chromium',
            join(homedir(), 'Applications/Chromium.app/Contents/MacOS/Chromium'),
          ]
        : platform === 'win32'
          ? programFiles.map((dir) => join(dir, 'Chromium', 'Application', 'chrome.exe'))
          : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/local/bin/chromium']),
    ];
  }
  if (name === 'firefox') {
    return platform === 'darwin'
      ? [
          '/Applications/Firefox.app/Contents/MacOS/firefox',
          join(homedir(), 'Applications/Firefox.app/Contents/MacOS/firefox'),
        ]
      : platform === 'win32'
        ? programFiles.map((dir) => join(dir, 'Mozilla Firefox', 'firefox.exe'))
        : ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/local/bin/firefox'];
  }
  throw new Error(`unknown browser ${name}`);
}

/**
 * The browser's executable, or a `{ problem }` saying in French what is wrong: the env override
 * (CHROMIUM_PATH, FIREFOX_PATH) when set, else the first candidate that exists.
 */
function locateBrowser(name, env = process.env, platform = process.platform, exists = existsSync) {
  const variable = ENV_OVERRIDE[name];
  const override = env[variable];
  if (override) {
    return exists(override)
      ? { path: override }
      : { problem: `${variable}=${override} n’existe pas : corrigez ou retirez cette variable` };
  }
  const path = browserCandidates(name, env, platform).find((candidate) => exists(candidate));
  return path ? { path } : { problem: `${name} introuvable` };
}

/** `debian`, `ubuntu`, … from /etc/os-release (`''` elsewhere). */
function linuxDistribution() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return (/^ID=("?)([\w.-]+)\1$/m.exec(text) || [])[2] || '';
  } catch {
    return '';
  }
}

/** The one command a person runs to get `names` (chromium, firefox, xvfb) on this platform. */
function installHint(names, platform = process.platform, distribution = linuxDistribution()) {
  if (platform === 'darwin') {
    return names
      .map((name) =>
        name === 'firefox'
          ? 'brew install --cask firefox'
          : name === 'chromium'
            ? 'npx playwright install chromium'
            : '',
      )
      .filter(Boolean)
      .join(' && ');
  }
  if (platform === 'win32') {
    return names
      .map((name) =>
        name === 'firefox'
          ? 'winget install Mozilla.Firefox'
          : name === 'chromium'
            ? 'npx playwright install chromium'
            : '',
      )
      .filter(Boolean)
      .join(' && ');
  }
  // Ubuntu's chromium package is only a shim for the snap, which cannot load an unpacked extension
  // from a temporary profile; Playwright's Chromium works there.
  if (distribution === 'ubuntu') {
    const apt = names
      .filter((name) => name !== 'chromium')
      .map((name) => (name === 'firefox' ? 'firefox' : APT_PACKAGE[name]));
    return [
      ...(names.includes('chromium') ? ['npx playwright install chromium'] : []),
      ...(apt.length ? [`sudo apt-get install -y ${apt.join(' ')}`] : []),
    ].join(' && ');
  }
  return `sudo apt-get install -y ${names.map((name) => APT_PACKAGE[name]).join(' ')}`;
}

function commandExists(command) {
  const probe = spawnSync(
    process.platform === 'win32' ? 'where' : 'sh',
    process.platform === 'win32' ? [command] : ['-c', `command -v ${command}`],
    {
      stdio: 'ignore',
    },
  );
  return probe.status === 0;
}

/**
 * How apt-get can be run here without asking anything: directly as root, through passwordless sudo,
 * or not at all (`null`: no apt-get, not Debian, or sudo would ask for a password).
 */
function aptRunner() {
  if (process.platform !== 'linux' || linuxDistribution() !== 'debian' || !commandExists('apt-get'))
    return null;
  if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? ['sudo', '-n'] : null;
}

/** Installs Debian packages; true when apt-get succeeded. Its own output is kept quiet. */
function aptInstall(packages, runner) {
  const env = Object.assign({}, process.env, { DEBIAN_FRONTEND: 'noninteractive' });
  const run = (args) => {
    const [command, ...rest] = [...runner, 'apt-get', ...args];
    return spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  };
  return run(['update', '-qq']) && run(['install', '-y', '-qq', ...packages]);
}

/**
 * Makes sure each of `names` (chromium, firefox, xvfb) is there: found, or installed with apt-get
 * when this machine allows it without a password. Returns `null` when all is well, else ONE French
 * line saying what is missing and the one command to run. `say` reports an installation under way.
 */
function ensureBrowsers(names, say = () => {}) {
  const isMissing = (name) => (name === 'xvfb' ? !commandExists('Xvfb') : !!locateBrowser(name).problem);
  const missing = names.filter(isMissing);
  if (missing.length === 0) return null;
  const overrides = missing.filter((name) => ENV_OVERRIDE[name] && process.env[ENV_OVERRIDE[name]]);
  if (overrides.length > 0) return locateBrowser(overrides[0]).problem;
  const runner = aptRunner();
  if (runner) {
    const packages = missing.map((name) => APT_PACKAGE[name]);
    say(`${missing.join(', ')} absent : installation avec apt-get (${packages.join(' ')})…`);
    if (aptInstall(packages, runner) && missing.filter(isMissing).length === 0) return null;
    return `installation de ${missing.join(', ')} impossible avec apt-get : lancez \`${installHint(missing)}\``;
  }
  const variables = missing
    .filter((name) => ENV_OVERRIDE[name])
    .map((name) => `${ENV_OVERRIDE[name]}=/chemin/vers/${name}`);
  return (
    `${missing.join(', ')} introuvable : lancez \`${installHint(missing)}\`` +
    (variables.length ? ` (ou indiquez ${variables.join(', ')})` : '')
  );
}

module.exports = { APT_PACKAGE, ENV_OVERRIDE, browserCandidates, locateBrowser, installHint, ensureBrowsers };
