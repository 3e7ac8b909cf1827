import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/extension-build';
import { readPathsFrom } from './request-policy';

/** Where and as whom the live read-only check runs. */
export interface LiveTarget {
  url: string;
  login: string;
  password: string;
  serviceRef: string;
  /** Paths the journey may read: its own, plus `PORTAL_READ_PATHS` (comma-separated, `*` = a segment). */
  readPaths: RegExp[];
}

const VARIABLES = ['PORTAL_URL', 'PORTAL_LOGIN', 'PORTAL_PASSWORD', 'SERVICE_REF'] as const;

/** The extension's production host matches: the live check only makes sense where it runs. */
const PORTAL_HOST = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.(myopenip|mydstny)\.fr(\/|$)/i;

/**
 * Reads the target from the environment, or from `.env` at the project root (never committed).
 * Errors name the missing variables, never a value.
 */
export function readLiveTarget(env: NodeJS.ProcessEnv = process.env): LiveTarget {
  const envFile = join(ROOT, '.env');
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const missing = VARIABLES.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(
      `Mode réel : variable(s) manquante(s) ${missing.join(', ')}. Renseignez-les dans l’environnement ou ` +
        'dans un fichier .env à la racine (voir docs/regression-kit.md).',
    );
  }
  const url = env.PORTAL_URL!.trim();
  if (!PORTAL_HOST.test(url)) {
    throw new Error(
      'Mode réel : PORTAL_URL doit être une adresse https du portail (https://<partenaire>.extranet.myopenip.fr/ ' +
        'ou …mydstny.fr/), là où l’extension s’exécute.',
    );
  }
  return {
    url,
    login: env.PORTAL_LOGIN!.trim(),
    password: env.PORTAL_PASSWORD!,
    serviceRef: env.SERVICE_REF!.trim(),
    readPaths: readPathsFrom(env.PORTAL_READ_PATHS),
  };
}
