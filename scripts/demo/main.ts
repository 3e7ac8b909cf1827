/**
 * `npm run demo`: the mocked portal with a browser that has the test extension loaded, on the
 * portal's login page; `--tour` plays the card's journey with captions, video and screenshots.
 * Loaded by scripts/demo.ts once Node and the dependencies are known to be there.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from '../../mocks/data/scenarios';
import { DEMO_CREDENTIALS } from '../../mocks/portal';
import { type PortalServer, startPortalServer } from '../../mocks/server/http-server';
import { findBrowser } from '../../tests/e2e/support/find-browser';
import bootstrapBrowsers from '../bootstrap/browsers.cjs';
import { isTestBuildFresh, runTestBuild, TEST_BUILD_DIRS } from '../test-build';
import { DEMO_USAGE, type DemoOptions, parseDemoArgs, type TourName, UsageError } from './args';
import { planDisplay, startXvfb, type VirtualScreen, which } from './display';
import { describeMissing, missingPackages } from './prerequisites';
import { type DemoSession, openSession } from './session';
import { playTour, TourStepError, tourContext } from './tour';
import { readmeScreenshotsOf, TOURS } from './tours';
import { ENCODER_ENV } from './video-encoder';

const ROOT = resolve(import.meta.dirname, '../..');
const say = (line: string) => console.log(`[demo] ${line}`);

function browserPath(options: DemoOptions): string | null {
  try {
    return findBrowser(options.browser);
  } catch {
    return null;
  }
}

async function startPortal(options: DemoOptions, scenario: ScenarioName): Promise<PortalServer> {
  try {
    return await startPortalServer({ port: options.port, host: '127.0.0.1', scenario });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(
        `le port ${options.port} est déjà pris (un autre \`npm run demo\` ou \`npm run portal\` ?) : ` +
          `arrêtez-le ou choisissez-en un autre avec --port ${options.port + 1}.`,
      );
    }
    throw error;
  }
}

/** Everything the demo started, closed once, in reverse order, whatever ends it. */
class Shutdown {
  private steps: (() => Promise<unknown>)[] = [];
  private done: Promise<void> | null = null;
  add(step: () => Promise<unknown>) {
    this.steps.unshift(step);
  }
  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps) await step().catch(() => {});
    })();
    return this.done;
  }
}

async function runTour(
  session: DemoSession,
  options: DemoOptions & { tour: TourName },
  portalUrl: string,
): Promise<number> {
  const outputDir = resolve(ROOT, options.outputDir);
  const ctx = tourContext(session, portalUrl, DEMO_CREDENTIALS, options.pace);
  const steps = TOURS[options.tour];
  say(`Visite guidée « ${options.tour} » (rythme ×${options.pace}) : ${outputDir}`);
  try {
    await playTour(ctx, outputDir, {
      steps,
      onStep: (outcome, index) => say(`  ✓ ${index + 1}. ${outcome.caption}`),
    });
  } catch (error) {
    console.error(`[demo] ✗ ${error instanceof TourStepError ? error.message : String(error)}`);
    return 1;
  }
  if (options.docsScreenshots) {
    const docs = join(ROOT, 'docs/screenshots');
    await mkdir(docs, { recursive: true });
    for (const name of readmeScreenshotsOf(steps))
      await copyFile(join(outputDir, 'readme', `${name}.png`), join(docs, `${name}.png`));
    say(`Captures du README copiées dans ${relative(ROOT, docs)}/`);
  }
  return 0;
}

async function main(): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`[demo] ${error.message}\n${DEMO_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(DEMO_USAGE);
    return 0;
  }
  if (!isScenarioName(options.scenario)) {
    console.error(`[demo] Scénario inconnu « ${options.scenario} » : ${SCENARIO_NAMES.join(', ')}.`);
    return 2;
  }
  let browser = options.noBrowser ? 'inutile' : browserPath(options);
  if (!browser) {
    // The launcher's installer: apt-get when this machine allows it without a password, else the
    // one command to run.
    const problem = bootstrapBrowsers.ensureBrowsers([options.browser], say);
    if (problem) {
      console.error(`[demo] Prérequis manquants — ${problem}.`);
      return 1;
    }
    browser = browserPath(options);
  }
  const missing = describeMissing({
    nodeVersion: process.version,
    browserPath: browser,
    browser: options.browser,
    missingPackages: missingPackages(ROOT),
  });
  if (missing) {
    console.error(`[demo] ${missing}`);
    return 1;
  }

  const shutdown = new Shutdown();
  const onSignal = (signal: string) => {
    say(`${signal} reçu : fermeture du navigateur et du portail…`);
    void shutdown.run().then(() => process.exit(0));
  };
  process.once('SIGINT', () => onSignal('Ctrl+C'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  try {
    if (!options.noBrowser) {
      if (options.rebuild || !isTestBuildFresh(ROOT)) {
        say('Construction de l’extension de test (npm run build:test)…');
        await runTestBuild(ROOT);
      } else {
        say('Extension de test à jour (.output/test/) : pas de reconstruction (--rebuild pour forcer).');
      }
    }

    const server = await startPortal(options, options.scenario);
    shutdown.add(() => server.close());
    say(`Portail MyOpenIP simulé (scénario « ${options.scenario} ») : ${server.url}`);
    say(`Identifiant : ${DEMO_CREDENTIALS.login} · mot de passe : ${DEMO_CREDENTIALS.password}`);
    say(
      `Panneau de démonstration (scénarios, pannes) en bas de chaque page · état : ${server.origin}/__mock/state`,
    );

    const plan = planDisplay({
      display: process.env.DISPLAY,
      headless: options.headless,
      xvfb: options.xvfb,
      noBrowser: options.noBrowser,
      xvfbAvailable: which('Xvfb') !== null,
    });
    if (options.noBrowser) {
      say('Sans navigateur (--no-browser). Arrêt : Ctrl+C.');
      await new Promise(() => {}); // until a signal
    }
    let headless = plan.mode === 'headless';
    if (plan.mode === 'xvfb') {
      const screen: VirtualScreen = await startXvfb();
      shutdown.add(async () => screen.stop());
      process.env.DISPLAY = screen.display;
      say(`Pas d’écran ($DISPLAY vide) : Xvfb lancé sur ${screen.display}, navigateur avec fenêtre dedans.`);
    } else if (plan.mode === 'headless' && plan.reason === 'no-display') {
      say(
        'Pas d’écran ($DISPLAY vide) : navigateur sans fenêtre (headless)' +
          (which('Xvfb') ? ' — --xvfb pour un écran virtuel.' : '.') +
          (options.tour ? '' : ` Ouvrez ${server.url} dans votre navigateur, avec l’extension chargée.`),
      );
      headless = true;
    }

    const extensionDir = join(ROOT, TEST_BUILD_DIRS[options.browser]);
    const outputDir = resolve(ROOT, options.outputDir);
    // MJPEG when no ffmpeg could be found (scripts/demo/video-encoder.ts): kept as Matroska.
    const mjpeg = process.env[ENCODER_ENV] === 'mjpeg';
    const session = await openSession({
      browser: options.browser,
      extensionDir,
      headless,
      ...(options.tour
        ? {
            video: {
              dir: join(outputDir, '.video-raw'),
              path: join(outputDir, mjpeg ? 'tour.mkv' : 'tour.webm'),
            },
          }
        : {}),
    });
    let video: string | null = null;
    shutdown.add(async () => {
      video = await session.close();
    });

    if (options.tour) {
      const code = await runTour(session, { ...options, tour: options.tour }, server.url);
      await shutdown.run();
      say(`Captures : ${join(outputDir, 'screenshots')}/ (README : ${join(outputDir, 'readme')}/)`);
      say(
        video
          ? `Vidéo : ${video}${mjpeg ? ' (MJPEG/Matroska : VLC, mpv ; `sudo apt-get install -y ffmpeg` pour du WebM)' : ''}`
          : 'Vidéo : non enregistrée (voir les messages ci-dessus).',
      );
      return code;
    }

    await session.page.goto(server.url);
    say(
      `${options.browser} ${headless ? 'sans fenêtre' : 'ouvert'} sur ${server.url} avec l’extension. Arrêt : Ctrl+C${headless ? '' : ' (ou fermez la fenêtre)'}.`,
    );
    await new Promise<void>((done) => session.context.on('close', () => done()));
    say('Navigateur fermé : arrêt du portail.');
    await shutdown.run();
    return 0;
  } catch (error) {
    await shutdown.run();
    console.error(
      `[demo] ${error instanceof UsageError ? error.message : `Échec : ${(error as Error).message ?? error}`}`,
    );
    return 1;
  }
}

process.exitCode = await main();
process.exit();
