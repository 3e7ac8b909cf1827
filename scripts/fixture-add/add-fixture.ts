/**
 * `npm run fixture:add`: turns a user's anonymised capture into a regression fixture. It checks the
 * capture (the detector: nothing that looks personal, no script, no source, no form value; the
 * `mla-capture` block present), stores it under tests/fixtures/captured/<name>.html, and writes the
 * expected reading next to it (<name>.expected.json): the capture's own reading, marked "to review"
 * until a person confirms or corrects it, or the one given with `--expect` (then "reviewed").
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Window } from 'happy-dom';
import { captureInfoOf } from '../../lib/capture/build-capture';
import { type Finding, inspectCapture } from '../../lib/capture/detector';
import type { CapturedReading } from '../../lib/capture/reading';

export const CAPTURED_DIR = 'tests/fixtures/captured';

export type ReviewState = 'to review' | 'reviewed';

/** `<name>.expected.json`. */
export interface ExpectedReading {
  review: ReviewState;
  /** Where it came from and what a reviewer should look at. */
  note: string;
  reading: CapturedReading;
}

export interface AddOptions {
  file: string;
  name?: string;
  /** A JSON file holding a `CapturedReading` (or an `ExpectedReading`): the reviewed expectation. */
  expect?: string;
  /** The repository root (tests use a temporary one). */
  root: string;
  /** Replace a fixture of the same name. */
  force?: boolean;
}

export type AddResult =
  | { ok: true; html: string; expected: string; review: ReviewState }
  | { ok: false; message: string; findings: Finding[] };

/** A fixture name: lower-case letters, digits and dashes (it is also a URL segment of the mock). */
export function fixtureName(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\.html?$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function parseCapture(html: string): Document {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

function readExpectation(path: string): CapturedReading {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as CapturedReading | ExpectedReading;
  return 'reading' in parsed ? parsed.reading : parsed;
}

export function addFixture(options: AddOptions): AddResult {
  if (!existsSync(options.file))
    return { ok: false, message: `Fichier introuvable : ${options.file}`, findings: [] };
  const html = readFileSync(options.file, 'utf8');
  const info = captureInfoOf(html);
  if (!info)
    return {
      ok: false,
      message: 'Ce fichier n’est pas une capture anonymisée de l’extension (bloc « mla-capture » absent).',
      findings: [],
    };
  const findings = inspectCapture(parseCapture(html), html);
  if (findings.length > 0) {
    return {
      ok: false,
      message: `Capture refusée : ${findings.length} élément(s) semblent personnels ou interdits.`,
      findings,
    };
  }
  const name = fixtureName(options.name ?? basename(options.file));
  if (name === '') return { ok: false, message: 'Nom de fixture vide : donnez --name.', findings: [] };
  const dir = join(options.root, CAPTURED_DIR);
  const htmlPath = join(dir, `${name}.html`);
  const expectedPath = join(dir, `${name}.expected.json`);
  if (existsSync(htmlPath) && !options.force)
    return {
      ok: false,
      message: `La fixture ${name} existe déjà (--force pour la remplacer).`,
      findings: [],
    };
  let expected: ExpectedReading;
  try {
    expected = options.expect
      ? {
          review: 'reviewed',
          note: `Attendu donné avec --expect (${basename(options.expect)}).`,
          reading: readExpectation(options.expect),
        }
      : {
          review: 'to review',
          note:
            `Lecture de l’extension ${info.extension} sous ${info.browser} au moment de la capture (${info.path}). ` +
            'À relire : cette lecture est-elle la bonne pour cette page ? Corrigez « reading » si besoin, puis passez « review » à « reviewed ».',
          reading: info.reading,
        };
  } catch (error) {
    return { ok: false, message: `--expect illisible : ${(error as Error).message}`, findings: [] };
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(htmlPath, html);
  writeFileSync(expectedPath, `${JSON.stringify(expected, null, 2)}\n`);
  return { ok: true, html: htmlPath, expected: expectedPath, review: expected.review };
}
