/**
 * The import graph of the shipped code (`lib/`, `entrypoints/`), read with a regular expression over
 * import and export-from statements: enough for this code base, which writes them one way (Biome).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** One import: from a file to a file of the repository (or a package), both relative to the root. */
export interface Edge {
  from: string;
  /** A repository path (`lib/portal/types.ts`), or the package name for a bare specifier. */
  to: string;
  /** Only types (`import type`, `export type`, or every name marked `type`): gone once compiled. */
  typeOnly: boolean;
}

const STATEMENT =
  /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function everyNameIsType(clause: string): boolean {
  const names = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!names?.[1]) return false;
  const parts = names[1]
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => part.startsWith('type '));
}

/** The file a specifier names, the way TypeScript and Vite find it here. */
function resolveSpecifier(from: string, specifier: string): string {
  let base: string;
  if (specifier.startsWith('@/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(join(ROOT, from)), specifier);
  else return specifier;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  return relative(ROOT, base);
}

export function importsOf(file: string, code: string): Edge[] {
  const edges: Edge[] = [];
  for (const match of code.matchAll(STATEMENT)) {
    const [, , typeWord, clause, fromSpecifier, sideEffect, dynamic] = match;
    const specifier = fromSpecifier ?? sideEffect ?? dynamic;
    if (!specifier) continue;
    const typeOnly = fromSpecifier !== undefined && (typeWord !== undefined || everyNameIsType(clause ?? ''));
    edges.push({ from: file, to: resolveSpecifier(file, specifier), typeOnly });
  }
  return edges;
}

export function sourcesUnder(dir: string): string[] {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesUnder(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export function importGraph(dirs: readonly string[]): Edge[] {
  return dirs
    .flatMap(sourcesUnder)
    .flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));
}
