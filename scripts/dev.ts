/**
 * `npm run dev`: the maintainer's loop. The mocked portal is served, WXT's dev mode builds the test
 * extension (it also runs on the mocked portal's localhost) and rebuilds and reloads it on every
 * save, and a browser opens on the portal's login page with that build loaded — Chromium by
 * default, `--browser firefox` for Firefox (both opened by web-ext, through WXT). With no screen
 * ($DISPLAY empty) the browser opens inside Xvfb when it is installed.
 */
import { isScenarioName, SCENARIO_NAMES } from '../mocks/data/scenarios';
import { DEMO_CREDENTIALS } from '../mocks/portal';
import { type PortalServer, startPortalServer } from '../mocks/server/http-server';
import { CHROMIUM_FLAGS } from '../tests/e2e/support/chromium-extension';
import { findBrowser } from '../tests/e2e/support/find-browser';
import bootstrapBrowsers from './bootstrap/browsers.cjs';
import { readOptions, UsageError } from './cli-options';
import { startXvfb, which } from './demo/display';

const say = (line: string) => console.log(`[dev] ${line}`);

const USAGE = `Utilisation : npm run dev -- [options]
  --browser NOM    chromium (défaut) ou firefox
  --port N         port du portail simulé (4173)
  --scenario NOM   scénario du portail (carte)
  --help           cette aide`;

interface DevOptions {
  browser: 'chromium' | 'firefox';
  port: number;
  scenario: string;
  help: boolean;
}

function parseDevArgs(argv: readonly string[]): DevOptions {
  const values = readOptions(argv, {
    browser: { type: 'string' },
    port: { type: 'string' },
    scenario: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const browser = values.browser ?? 'chromium';
  if (browser !== 'chromium' && browser !== 'firefox') {
    throw new UsageError(`--browser : « ${browser} » inconnu (chromium ou firefox).`);
  }
  const port = Number(values.port ?? 4173);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new UsageError(`--port : « ${values.port} » n'est pas un port (1 à 65535).`);
  }
  const scenario = values.scenario ?? 'carte';
  if (!isScenarioName(scenario)) {
    throw new UsageError(`--scenario : « ${scenario} » inconnu (${SCENARIO_NAMES.join(', ')}).`);
  }
  return { browser, port, scenario, help: values.help ?? false };
}

async function main(): Promise<number> {
  let options: DevOptions;
  try {
    options = parseDevArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`[dev] ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const problem = bootstrapBrowsers.ensureBrowsers([options.browser], say);
  if (problem) {
    console.error(`[dev] Prérequis manquants — ${problem}.`);
    return 1;
  }
  const stops: (() => unknown)[] = [];
  if (!process.env.DISPLAY) {
    if (!which('Xvfb')) {
      console.error(
        '[dev] Pas d’écran ($DISPLAY vide) et pas de Xvfb : le mode développement ouvre un navigateur avec ' +
          `fenêtre. Lancez-le sur un poste avec écran, ou installez Xvfb (\`${bootstrapBrowsers.installHint(['xvfb'])}\`).`,
      );
      return 1;
    }
    const screen = await startXvfb();
    stops.push(() => screen.stop());
    process.env.DISPLAY = screen.display;
    say(`Pas d’écran ($DISPLAY vide) : navigateur ouvert dans Xvfb (${screen.display}).`);
  }

  let portal: PortalServer;
  try {
    portal = await startPortalServer({
      port: options.port,
      host: '127.0.0.1',
      scenario: options.scenario as never,
    });
  } catch (error) {
    for (const stop of stops) stop();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(`[dev] Le port ${options.port} est déjà pris : --port ${options.port + 1}.`);
    return 1;
  }
  stops.unshift(() => portal.close());
  say(
    `Portail simulé : ${portal.url} (identifiant ${DEMO_CREDENTIALS.login}, mot de passe ${DEMO_CREDENTIALS.password})`,
  );

  // The test build: its content script also matches the mocked portal's localhost.
  process.env.MLA_TEST_BUILD = '1';
  const { createServer } = await import('wxt');
  const executable = findBrowser(options.browser);
  const server = await createServer({
    browser: options.browser === 'firefox' ? 'firefox' : 'chrome',
    manifestVersion: 3,
    webExt: {
      disabled: false,
      binaries: options.browser === 'firefox' ? { firefox: executable } : { chrome: executable },
      startUrls: [portal.url],
      ...(options.browser === 'chromium' ? { chromiumArgs: CHROMIUM_FLAGS } : {}),
    },
  });
  await server.start();
  say('Mode développement prêt : chaque enregistrement reconstruit et recharge l’extension. Arrêt : Ctrl+C.');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  say('Fermeture du navigateur, du serveur de développement et du portail…');
  await server.stop().catch(() => {});
  for (const stop of stops) await Promise.resolve(stop()).catch(() => {});
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
