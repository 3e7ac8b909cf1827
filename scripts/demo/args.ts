/** Command-line options of `npm run demo`. */
import { readOptions, UsageError } from '../cli-options';

export { UsageError };
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

const SPEC = {
  port: { type: 'string' },
  scenario: { type: 'string' },
  browser: { type: 'string' },
  headless: { type: 'boolean' },
  'no-browser': { type: 'boolean' },
  tour: { type: 'boolean' },
  pace: { type: 'string' },
  xvfb: { type: 'boolean' },
  rebuild: { type: 'boolean' },
  output: { type: 'string' },
  'docs-screenshots': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function port(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new UsageError(`--port : « ${text} » n'est pas un port (0 à 65535).`);
  }
  return value;
}

function browser(text: string): DemoBrowser {
  if (text !== 'chromium' && text !== 'firefox') {
    throw new UsageError(`--browser : « ${text} » inconnu (chromium ou firefox).`);
  }
  return text;
}

function pace(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 10) {
    throw new UsageError(`--pace : « ${text} » n'est pas un facteur entre 0 et 10.`);
  }
  return value;
}

export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  const values = readOptions(argv, SPEC);
  const options: DemoOptions = {
    port: values.port === undefined ? 4173 : port(values.port),
    scenario: values.scenario ?? 'carte',
    browser: values.browser === undefined ? 'chromium' : browser(values.browser),
    headless: values.headless ?? false,
    noBrowser: values['no-browser'] ?? false,
    tour: values.tour ?? false,
    pace: values.pace === undefined ? 1 : pace(values.pace),
    xvfb: values.xvfb ?? false,
    rebuild: values.rebuild ?? false,
    outputDir: values.output ?? 'demo-output',
    docsScreenshots: values['docs-screenshots'] ?? false,
    help: values.help ?? false,
  };
  if (options.tour && options.noBrowser)
    throw new UsageError('--tour a besoin d’un navigateur : retirez --no-browser.');
  return options;
}
