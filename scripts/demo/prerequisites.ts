import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoBrowser } from './args';

export interface PrerequisiteFacts {
  nodeVersion: string;
  /** `null` when no browser was found; the finder's message otherwise says where it looked. */
  browserPath: string | null;
  browser: DemoBrowser;
  /** Packages from node_modules that the demo needs and that are absent. */
  missingPackages: string[];
}

/** The packages the demo itself loads or runs (the build needs wxt; the portal needs msw). */
export const REQUIRED_PACKAGES = ['wxt', 'msw', '@playwright/test', 'playwright-core', 'tsx', 'preact'];

export function missingPackages(root: string, packages: readonly string[] = REQUIRED_PACKAGES): string[] {
  return packages.filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
}

const APT_PACKAGE: Record<DemoBrowser, string> = { chromium: 'chromium', firefox: 'firefox-esr' };

/**
 * What is missing, in ONE line that says how to get it; `null` when everything is there. Each
 * missing thing gets its own remedy, joined by « ; », so one run tells the whole story.
 */
export function describeMissing(facts: PrerequisiteFacts): string | null {
  const problems: string[] = [];
  const major = Number(/^v?(\d+)/.exec(facts.nodeVersion)?.[1] ?? 0);
  if (major < 22) {
    problems.push(
      `Node ${facts.nodeVersion} trop ancien (≥ 22 requis) : lancez la démo par \`npm run demo\`, qui apporte ` +
        'Node 22 elle-même',
    );
  }
  if (facts.missingPackages.length > 0) {
    problems.push(`dépendances absentes (${facts.missingPackages.join(', ')}) : lancez \`npm ci\``);
  }
  if (!facts.browserPath) {
    problems.push(
      `${facts.browser} introuvable : \`sudo apt-get install -y ${APT_PACKAGE[facts.browser]}\` ou ` +
        `${facts.browser === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}=/chemin/vers/le/navigateur`,
    );
  }
  return problems.length === 0 ? null : `Prérequis manquants — ${problems.join(' ; ')}.`;
}
