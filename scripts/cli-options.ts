/**
 * The one way the project's scripts read their command line (the demo, the bench, the dev loop, the
 * release): `node:util` `parseArgs`, strict, with its English errors turned into one French line.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

export class UsageError extends Error {}

type Values<T extends ParseArgsOptionsConfig> = {
  [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean;
};

/** The option a parseArgs error is about (`--port`), from its message. */
function optionNamed(message: string): string {
  return /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? '';
}

/**
 * Parses `argv` against `spec`: `--name value` and `--name=value`, no positional argument. Throws
 * a UsageError in French for an unknown option, a missing or empty value, or a value given to a flag.
 */
export function readOptions<T extends ParseArgsOptionsConfig>(argv: readonly string[], spec: T): Values<T> {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: spec, strict: true, allowPositionals: false }));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const name = optionNamed(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Option inconnue « ${name} ».`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`Argument inattendu « ${/'([^']*)'/.exec(message)?.[1] ?? ''} ».`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take/.test(message)) {
      throw new UsageError(`${name} ne prend pas de valeur.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${name} attend une valeur.`);
    throw error;
  }
  for (const [name, option] of Object.entries(spec)) {
    if (option.type === 'string' && values[name] === '') throw new UsageError(`--${name} attend une valeur.`);
  }
  return values as Values<T>;
}
