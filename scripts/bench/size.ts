import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OPEN_AUDIT } from '../../lib/audit/messages';
import { ASSISTANT_SCRIPT, AUDIT_START_SCRIPT } from '../../lib/runtime/assistant-handoff';

/**
 * A built part of the extension: the files it loads and their sizes. `content` is what every portal
 * page loads (the manifest's content scripts: the detector); `details` is what a page with licence
 * content loads in all (the detector and the assistant the background injects there); `list` is
 * what the services list loads in all (the detector and the audit's start button injected there).
 */
export interface PartSize {
  part: 'content' | 'details' | 'list' | 'popup' | 'options';
  files: string[];
  rawBytes: number;
  /** Each file gzipped on its own (level 9), as a store or a server would serve it, then summed. */
  gzipBytes: number;
}

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

export const BUILD_CANDIDATES = ['.output/chrome-mv3', '.output/test/chrome-mv3'];

/**
 * The Chromium build to measure: the most recently built of the production and test builds. The
 * content script's code is the same in both (only the manifest's matches differ), and `npm test`
 * has just made the test build, so the freshest one is what the budget must judge.
 */
export function freshestBuild(root: string, candidates: readonly string[] = BUILD_CANDIDATES): string | null {
  const built = candidates
    .map((dir) => join(root, dir))
    .filter((dir) => existsSync(join(dir, 'manifest.json')))
    .map((dir) => ({ dir, time: statSync(join(dir, 'manifest.json')).mtimeMs }));
  built.sort((a, b) => b.time - a.time);
  return built[0]?.dir ?? null;
}

/** Scripts and stylesheets an extension page loads (Vite writes absolute `/chunks/…` paths). */
export function assetsOfHtml(html: string, pagePath: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+\.(?:m?js|css))["']/g)) {
    const reference = match[1]!;
    if (/^[a-z-]+:/i.test(reference)) continue;
    found.add(
      reference.startsWith('/') ? reference.slice(1) : posix.join(posix.dirname(pagePath), reference),
    );
  }
  return [...found];
}

async function measure(dir: string, part: PartSize['part'], files: string[]): Promise<PartSize> {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(join(dir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { part, files, rawBytes, gzipBytes };
}

/**
 * The content script(s), the Détails total (with the injected assistant, when built), the services
 * list's total (with the injected start button, when built), popup and options page of a built
 * extension, as its manifest declares them.
 */
export async function measureBuild(dir: string): Promise<PartSize[]> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const contentFiles = (manifest.content_scripts ?? []).flatMap((script) => [
    ...(script.js ?? []),
    ...(script.css ?? []),
  ]);
  const parts: PartSize[] = [await measure(dir, 'content', [...new Set(contentFiles)])];
  const injected: [PartSize['part'], string][] = [
    ['details', ASSISTANT_SCRIPT],
    ['list', AUDIT_START_SCRIPT],
  ];
  for (const [part, script] of injected) {
    const file = script.replace(/^\//, '');
    if (existsSync(join(dir, file)))
      parts.push(await measure(dir, part, [...new Set([...contentFiles, file])]));
  }
  const pages: [PartSize['part'], string | undefined][] = [
    ['popup', manifest.action?.default_popup ?? manifest.browser_action?.default_popup],
    ['options', manifest.options_ui?.page ?? manifest.options_page],
  ];
  for (const [part, page] of pages) {
    if (!page || !existsSync(join(dir, page))) continue;
    const html = await readFile(join(dir, page), 'utf8');
    parts.push(await measure(dir, part, [page, ...assetsOfHtml(html, page)]));
  }
  return parts;
}

export const kilobytes = (bytes: number) => bytes / 1024;

/**
 * Traces of the audit's code in a built file (issue 14: the Détails tab must not load it): the
 * button's message and element, and the GET the audit page injects into a portal tab.
 */
export const AUDIT_MARKERS = [OPEN_AUDIT, 'mla-audit-start', 'other-origin'] as const;

export function auditMarkersIn(code: string): string[] {
  return AUDIT_MARKERS.filter((marker) => code.includes(marker));
}

/** The audit markers found in what the Détails tab loads (content scripts and assistant): none expected. */
export async function auditCodeOnDetails(dir: string, details: PartSize): Promise<string[]> {
  const found = new Set<string>();
  for (const file of details.files)
    for (const marker of auditMarkersIn(await readFile(join(dir, file), 'utf8')))
      found.add(`${file}: ${marker}`);
  return [...found];
}
