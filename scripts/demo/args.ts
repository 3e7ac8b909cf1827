/** Command-line options of `npm run demo`. */
import { readOptions, UsageError } from '../cli-options';

export { UsageError };
export type DemoBrowser = 'chromium' | 'firefox';
/** The tours `--tour` can play: the procedure card's journey (default) or the licence audit. */
export const TOUR_NAMES = ['carte', 'audit'] as const;
export type TourName = (typeof TOUR_NAMES)[number];

export interface DemoOptions {
  port: number;
  scenario: string;
  browser: DemoBrowser;
  /** Force headless even with a display. */
  headless: boolean;
  /** Only serve the mocked portal. */
  noBrowser: boolean;
  /** The tour to play with captions, video and screenshots (`--tour [carte|audit]`), null for none. */
  tour: TourName | null;
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
  --scenario NOM      scénario du portail (carte ; mixte pour --tour audit)
  --browser NOM       chromium (défaut) ou firefox
  --headless          navigateur sans fenêtre, même avec un écran
  --no-browser        seulement le portail simulé
  --tour [NOM]        rejoue un parcours légendé, avec vidéo et captures : carte (défaut, la fiche)
                      ou audit (l'audit des licences du compte, Chromium seulement)
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

const isTourName = (text: string | undefined): text is TourName =>
  (TOUR_NAMES as readonly string[]).includes(text ?? '');

/**
 * `--tour` alone, `--tour audit` or `--tour=audit`: the name is taken out before the strict parse
 * (which knows `--tour` as a flag). A word after `--tour` that is no tour is left for the parser to
 * refuse, and `--tour=<unknown>` is refused here, both in French.
 */
function takeTour(argv: readonly string[]): { rest: string[]; tour: TourName | null } {
  const rest: string[] = [];
  let tour: TourName | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg.startsWith('--tour=')) {
      const name = arg.slice('--tour='.length);
      if (!isTourName(name))
        throw new UsageError(`--tour : « ${name} » inconnu (${TOUR_NAMES.join(' ou ')}).`);
      tour = name;
    } else if (arg === '--tour') {
      const next = argv[index + 1];
      tour = isTourName(next) ? next : 'carte';
      if (isTourName(next)) index += 1;
    } else rest.push(arg);
  }
  return { rest, tour };
}

export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  const { rest, tour } = takeTour(argv);
  const values = readOptions(rest, SPEC);
  const options: DemoOptions = {
    port: values.port === undefined ? 4173 : port(values.port),
    // The audit's tour shows a table of several services: the card's scenario has only one.
    scenario: values.scenario ?? (tour === 'audit' ? 'mixte' : 'carte'),
    browser: values.browser === undefined ? 'chromium' : browser(values.browser),
    headless: values.headless ?? false,
    noBrowser: values['no-browser'] ?? false,
    tour,
    pace: values.pace === undefined ? 1 : pace(values.pace),
    xvfb: values.xvfb ?? false,
    rebuild: values.rebuild ?? false,
    outputDir: values.output ?? 'demo-output',
    docsScreenshots: values['docs-screenshots'] ?? false,
    help: values.help ?? false,
  };
  if (options.tour && options.noBrowser)
    throw new UsageError('--tour a besoin d’un navigateur : retirez --no-browser.');
  // Firefox opens the audit's tab outside the browser context the demo drives, and does not report
  // downloads from extension pages: the audit tour cannot follow it there.
  if (options.tour === 'audit' && options.browser === 'firefox')
    throw new UsageError('--tour audit se joue dans Chromium : retirez --browser firefox.');
  return options;
}
