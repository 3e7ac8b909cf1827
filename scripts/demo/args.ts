/** Command-line options of `npm run demo`. */
export type DemoBrowser = 'chromium' | 'firefox';

export interface DemoOptions {
  port: number;
  scenario: string;
  browser: DemoBrowser;
  /** Force headless even with a display. */
  headless: boolean;
  /** Only serve the mocked portal. */
  noBrowser: boolean;
  /** Play the card's journey with captions, video and screenshots. */
  tour: boolean;
  /** Pause multiplier for the tour: 1 = human pace, smaller = faster. */
  pace: number;
  /** Without a display, start Xvfb and run the browser headed inside it (instead of headless). */
  xvfb: boolean;
  /** Rebuild the test extension even when the build looks fresh. */
  rebuild: boolean;
  /** Where the tour writes its video and screenshots. */
  outputDir: string;
  /** Also copy the tour's README shots into docs/screenshots/. */
  docsScreenshots: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export const DEMO_USAGE = `Utilisation : npm run demo -- [options]
  --port N            port du portail simulé (4173)
  --scenario NOM      scénario du portail (carte)
  --browser NOM       chromium (défaut) ou firefox
  --headless          navigateur sans fenêtre, même avec un écran
  --no-browser        seulement le portail simulé
  --tour              rejoue le parcours de la fiche, légendé, avec vidéo et captures
  --pace X            vitesse de la visite : 1 = rythme humain, 0.1 = dix fois plus vite
  --xvfb              sans écran ($DISPLAY vide) : lance Xvfb et un navigateur avec fenêtre dedans
  --rebuild           reconstruit l'extension de test même si elle est à jour
  --output DOSSIER    où la visite écrit vidéo et captures (demo-output)
  --docs-screenshots  copie aussi les captures du README dans docs/screenshots/
  --help              cette aide`;

export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = {
    port: 4173,
    scenario: 'carte',
    browser: 'chromium',
    headless: false,
    noBrowser: false,
    tour: false,
    pace: 1,
    xvfb: false,
    rebuild: false,
    outputDir: 'demo-output',
    docsScreenshots: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const next = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new UsageError(`${name} attend une valeur.`);
      }
      return next;
    };
    switch (name) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!Number.isInteger(port) || port < 0 || port > 65_535) {
          throw new UsageError(`--port : « ${text} » n'est pas un port (0 à 65535).`);
        }
        options.port = port;
        break;
      }
      case '--scenario':
        options.scenario = value();
        break;
      case '--browser': {
        const browser = value();
        if (browser !== 'chromium' && browser !== 'firefox') {
          throw new UsageError(`--browser : « ${browser} » inconnu (chromium ou firefox).`);
        }
        options.browser = browser;
        break;
      }
      case '--pace': {
        const text = value();
        const pace = Number(text);
        if (!Number.isFinite(pace) || pace < 0 || pace > 10) {
          throw new UsageError(`--pace : « ${text} » n'est pas un facteur entre 0 et 10.`);
        }
        options.pace = pace;
        break;
      }
      case '--output':
        options.outputDir = value();
        break;
      case '--headless':
        options.headless = true;
        break;
      case '--no-browser':
        options.noBrowser = true;
        break;
      case '--tour':
        options.tour = true;
        break;
      case '--xvfb':
        options.xvfb = true;
        break;
      case '--rebuild':
        options.rebuild = true;
        break;
      case '--docs-screenshots':
        options.docsScreenshots = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`Option inconnue « ${arg} ».`);
    }
  }
  if (options.tour && options.noBrowser)
    throw new UsageError('--tour a besoin d’un navigateur : retirez --no-browser.');
  return options;
}
