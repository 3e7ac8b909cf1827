// Node 22 without touching the system's Node: the npm registry ships Node itself (`npm install
// node@22` brings the package `node` and its platform binary), so it is installed once into a cache
// folder and used from there. Plain CommonJS with no dependency, runs on Node 18.
'use strict';

const { existsSync, mkdirSync, readFileSync, renameSync, rmSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

/** The Node major the project runs on: `.nvmrc` at the project's root (22), the one source of it. */
function requiredMajor() {
  try {
    return Number(readFileSync(join(__dirname, '..', '..', '.nvmrc'), 'utf8').trim()) || 22;
  } catch {
    return 22;
  }
}
const REQUIRED_MAJOR = requiredMajor();

function majorOf(version) {
  return Number((/^v?(\d+)/.exec(version) || [])[1] || 0);
}

/** The cache folder: MLA_NODE_DIR, else the user's cache folder (the one `.ci/run` always used). */
function nodeCacheDir(env = process.env, platform = process.platform) {
  if (env.MLA_NODE_DIR) return env.MLA_NODE_DIR;
  const cache =
    platform === 'win32'
      ? env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local')
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, `mla-node${REQUIRED_MAJOR}`);
}

/** The cached binary's path (whether or not it exists yet). */
function cachedNodePath(dir, platform = process.platform) {
  return join(dir, 'node_modules', 'node', 'bin', platform === 'win32' ? 'node.exe' : 'node');
}

/**
 * Installs node@22 into `dir` unless it is there; returns the binary's path, or `{ problem }` in one
 * French line. The install goes to a scratch folder renamed into place, so two runs at once or an
 * interrupted download never leave a half-installed cache behind.
 */
function ensureNode22(dir = nodeCacheDir(), say = () => {}) {
  const binary = cachedNodePath(dir);
  if (existsSync(binary)) return { path: binary };
  say(`installation de Node ${REQUIRED_MAJOR} depuis le registre npm dans ${dir} (une seule fois, ~10 s)…`);
  const scratch = `${dir}.partial-${process.pid}`;
  try {
    mkdirSync(scratch, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(
      npm,
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--silent',
        `node@${REQUIRED_MAJOR}`,
      ],
      {
        cwd: scratch,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        shell: process.platform === 'win32',
      },
    );
    if (result.error || result.status !== 0 || !existsSync(cachedNodePath(scratch))) {
      const detail = ((result.stderr || '').trim().split('\n').pop() || result.error?.message || '').trim();
      return {
        problem:
          `impossible d’installer Node ${REQUIRED_MAJOR} depuis le registre npm${detail ? ` (${detail})` : ''} : ` +
          `installez Node ${REQUIRED_MAJOR} (https://nodejs.org, ou \`nvm install\` : voir .nvmrc) puis relancez`,
      };
    }
    if (!existsSync(binary)) {
      // Only the cache's own node_modules is replaced: MLA_NODE_DIR may name a folder holding more.
      mkdirSync(dir, { recursive: true });
      rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
      renameSync(join(scratch, 'node_modules'), join(dir, 'node_modules'));
    }
    return { path: binary };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { REQUIRED_MAJOR, majorOf, nodeCacheDir, cachedNodePath, ensureNode22 };
