/** Command-line options of `npm run bench`. */
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

export class UsageError extends Error {}

export const USAGE = `npm run bench -- [--check] [--quick] [--only size,portal,annotate,overhead,observer,audit,suite]
                     [--run-suite] [--output bench/results.json]`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    check: false,
    quick: false,
    sections: [...SECTIONS],
    runSuite: false,
    output: 'bench/results.json',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`${name} attend une valeur.\n${USAGE}`);
      return next;
    };
    switch (name) {
      case '--check':
        options.check = true;
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--run-suite':
        options.runSuite = true;
        break;
      case '--output':
        options.output = value();
        break;
      case '--only': {
        const wanted = value()
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
        const unknown = wanted.filter((part) => !(SECTIONS as readonly string[]).includes(part));
        if (unknown.length > 0 || wanted.length === 0) {
          throw new UsageError(
            `--only: section inconnue « ${unknown.join(', ')} » (connues : ${SECTIONS.join(', ')}).`,
          );
        }
        options.sections = SECTIONS.filter((section) => wanted.includes(section));
        break;
      }
      default:
        throw new UsageError(`Option inconnue « ${arg} ».\n${USAGE}`);
    }
  }
  return options;
}
