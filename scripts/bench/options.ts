/** Command-line options of `npm run bench`. */
import { readOptions, UsageError } from '../cli-options';

export { UsageError };
export const SECTIONS = ['size', 'portal', 'annotate', 'overhead', 'observer', 'audit', 'suite'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Exit non-zero when a budget is exceeded, naming each one. */
  check: boolean;
  /** Fewer repeats (still ≥ 50 runs for the annotation percentiles): for a quick look, not for the README. */
  quick: boolean;
  sections: Section[];
  /** `npx playwright test` per browser for the suite time, instead of reusing a fresh reports/e2e.json. */
  runSuite: boolean;
  /** Where the JSON goes. */
  output: string;
}

export const USAGE = `npm run bench -- [--check] [--quick] [--only size,portal,annotate,overhead,observer,audit,suite]
                     [--run-suite] [--output bench/results.json]`;

const SPEC = {
  check: { type: 'boolean' },
  quick: { type: 'boolean' },
  'run-suite': { type: 'boolean' },
  output: { type: 'string' },
  only: { type: 'string' },
} as const;

function sections(text: string): Section[] {
  const wanted = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = wanted.filter((part) => !(SECTIONS as readonly string[]).includes(part));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new UsageError(
      `--only: section inconnue « ${unknown.join(', ')} » (connues : ${SECTIONS.join(', ')}).`,
    );
  }
  return SECTIONS.filter((section) => wanted.includes(section));
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let values: ReturnType<typeof readOptions<typeof SPEC>>;
  try {
    values = readOptions(argv, SPEC);
  } catch (error) {
    // The bench's usage goes with every complaint about its command line.
    if (error instanceof UsageError) throw new UsageError(`${error.message}\n${USAGE}`);
    throw error;
  }
  return {
    check: values.check ?? false,
    quick: values.quick ?? false,
    sections: values.only === undefined ? [...SECTIONS] : sections(values.only),
    runSuite: values['run-suite'] ?? false,
    output: values.output ?? 'bench/results.json',
  };
}
