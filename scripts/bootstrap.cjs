#!/usr/bin/env node
// The launcher every entry point goes through (`npm run demo`, `npm test`, `npm run dev`, `.ci/run`…):
//
//   node scripts/bootstrap.cjs [--label demo] [--need chromium,firefox,xvfb] -- <command> [args…]
//
// 1. the command must exist: a project tool (tsx, vitest, wxt…) without node_modules gets
//    "lancez `npm ci`", never `sh: tsx: not found`;
// 2. Node 22: on an older Node it brings Node 22 into a cache folder from the npm registry
//    (scripts/bootstrap/node22.cjs) and runs itself again with it, that Node first on PATH, so the
//    command and everything it starts (`npm run …`, tsx, vitest, playwright, their workers) run on 22;
// 3. browsers (`--need`): found where Debian, Playwright, macOS or Windows put them, installed with
//    apt-get when root or passwordless sudo allows it, else the one command to run;
// 4. runs the command and exits with its status.
//
// Every failure is ONE French line on stderr and exit code 1: no stack trace. Plain CommonJS, no
// dependency, nothing newer than Node 18 (and no syntax newer than ES2020).
'use strict';

const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { delimiter, dirname, join, resolve } = require('node:path');
const { ensureBrowsers } = require('./bootstrap/browsers.cjs');
const { REQUIRED_MAJOR, majorOf, nodeCacheDir, ensureNode22 } = require('./bootstrap/node22.cjs');

const ROOT = resolve(__dirname, '..');
/** Set on the re-run with the cached Node, so a broken cache can never loop. */
const RERUN_ENV = 'MLA_BOOTSTRAPPED_NODE';
const NEEDABLE = ['chromium', 'firefox', 'xvfb'];
/** Commands that come with Node or the system, never from node_modules/.bin. */
const SYSTEM_COMMANDS = ['node', 'npm', 'npx', 'sh', 'bash'];

function parse(argv) {
  const options = { label: 'mla', need: [], command: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.command = argv.slice(i + 1);
      break;
    }
    if (arg === '--label' && argv[i + 1]) options.label = argv[++i];
    else if (arg === '--need' && argv[i + 1]) options.need = argv[++i].split(',').filter(Boolean);
    else
      return {
        problem: `option du lanceur inconnue « ${arg} » (attendu : [--label NOM] [--need ${NEEDABLE.join(',')}] -- commande…)`,
      };
  }
  const unknown = options.need.filter((name) => NEEDABLE.indexOf(name) < 0);
  if (unknown.length > 0)
    return { problem: `--need : « ${unknown.join(', ')} » inconnu (${NEEDABLE.join(', ')})` };
  if (options.command.length === 0) return { problem: 'aucune commande après « -- »' };
  return options;
}

/** The executable `command` resolves to on `pathValue`, or null (PATHEXT on Windows). */
function findOnPath(command, pathValue) {
  const extensions =
    process.platform === 'win32' ? ['', ...(process.env.PATHEXT || '.CMD;.EXE').split(';')] : [''];
  for (const dir of (pathValue || '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      if (existsSync(join(dir, command + extension))) return join(dir, command + extension);
    }
  }
  return null;
}

/**
 * The command's problem in one line, or null when it can run. A project tool must come from the
 * project's own node_modules/.bin: one installed globally would run against missing dependencies.
 */
function commandProblem(command) {
  if (SYSTEM_COMMANDS.indexOf(command) >= 0 || findOnPath(command, join(ROOT, 'node_modules', '.bin')))
    return null;
  if (!existsSync(join(ROOT, 'node_modules'))) return 'dépendances absentes : lancez `npm ci` puis relancez';
  return `« ${command} » introuvable (node_modules incomplet ?) : relancez \`npm ci\``;
}

/** Runs `command` with stdio shared; resolves with the exit code (or re-raises the child's signal). */
function run(command, args, env) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
    // Signals are passed on, like npm does for its scripts: a Ctrl+C in a terminal reaches the whole
    // process group (the child gets it directly, npm passes it to us too), a `kill` or a CI timeout
    // reaches only the parent. Passed on once per second at most, so that the child gets at most one
    // more than it would have without the launcher, and can finish its own clean-up.
    let lastForwarded = 0;
    const forward = (signal) => {
      if (Date.now() - lastForwarded < 1000) return;
      lastForwarded = Date.now();
      child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const name of signals) process.on(name, forward);
    child.on('error', (error) => done({ problem: `impossible de lancer « ${command} » : ${error.message}` }));
    child.on('exit', (code, signal) => {
      for (const name of signals) process.removeListener(name, forward);
      done({ code, signal });
    });
  });
}

async function main() {
  const options = parse(process.argv.slice(2));
  const fail = (line) => {
    console.error(`[${options.label || 'mla'}] ${line}.`);
    return 1;
  };
  if (options.problem) return fail(options.problem);
  const say = (line) => console.error(`[${options.label}] ${line}`);

  const env = Object.assign({}, process.env);
  const binDir = join(ROOT, 'node_modules', '.bin');
  env.PATH = [binDir, env.PATH || ''].join(delimiter);
  const [command, ...args] = options.command;
  const missingCommand = commandProblem(command);
  if (missingCommand) return fail(missingCommand);

  if (majorOf(process.version) < REQUIRED_MAJOR) {
    if (process.env[RERUN_ENV]) {
      return fail(
        `Node ${process.version} au lieu de Node ${REQUIRED_MAJOR} après installation : videz ${nodeCacheDir()} et relancez`,
      );
    }
    const node = ensureNode22(nodeCacheDir(), say);
    if (node.problem) return fail(node.problem);
    say(
      `Node ${process.version} < ${REQUIRED_MAJOR} : relance avec le Node ${REQUIRED_MAJOR} de ${nodeCacheDir()}`,
    );
    // That Node first on PATH: `npm`, and every `#!/usr/bin/env node` tool after it, run on it.
    const rerunEnv = Object.assign({}, process.env, {
      [RERUN_ENV]: '1',
      PATH: [dirname(node.path), process.env.PATH || ''].join(delimiter),
    });
    const rerun = await run(node.path, [__filename, ...process.argv.slice(2)], rerunEnv);
    if (rerun.problem) return fail(rerun.problem);
    if (rerun.signal) process.kill(process.pid, rerun.signal);
    return rerun.code == null ? 1 : rerun.code;
  }

  // The command's own launches (`npm test` runs scripts that go through the launcher again) start
  // afresh: the re-run marker is only for this launcher and the one that started it.
  delete env[RERUN_ENV];
  const browsers = ensureBrowsers(options.need, say);
  if (browsers) return fail(browsers);

  const result = await run(command, args, env);
  if (result.problem) return fail(result.problem);
  if (result.signal) process.kill(process.pid, result.signal);
  return result.code == null ? 1 : result.code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug of the launcher itself: still one line.
    console.error(`[mla] erreur inattendue du lanceur : ${error?.message ? error.message : error}`);
    process.exitCode = 1;
  },
);
