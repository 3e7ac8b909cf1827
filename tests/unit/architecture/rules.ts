/**
 * The layering of the shipped code, as rules over its import graph (see docs/architecture.md,
 * "Rooms and what each may import"). A rule names what must not be imported; `violations` lists
 * every import that breaks one, `cycles` every import cycle.
 */
import type { Edge } from './imports';

/** The room of a repository path: `lib/portal/…` → `portal`, `entrypoints/…` → `entrypoints`. */
export function roomOf(path: string): string {
  const lib = /^lib\/([^/]+)\//.exec(path);
  if (lib?.[1]) return lib[1];
  if (path.startsWith('lib/')) return 'lib';
  return path.split('/')[0] ?? path;
}

const SHIPPED = new Set([
  'portal',
  'licences',
  'i18n',
  'settings',
  'ui',
  'dom',
  'runtime',
  'features',
  'lib',
  'entrypoints',
]);
/** What sits above the portal adapter and the rules: they read and judge, they never run or show. */
const ABOVE_RULES = new Set(['runtime', 'features', 'ui', 'settings', 'i18n']);

export interface Rule {
  name: string;
  broken(edge: Edge): boolean;
}

export const RULES: readonly Rule[] = [
  {
    name: 'lib/licences imports nothing but types from lib/portal',
    broken: ({ from, to, typeOnly }) => roomOf(from) === 'licences' && roomOf(to) === 'portal' && !typeOnly,
  },
  {
    name: 'lib/licences imports nothing above it',
    broken: ({ from, to }) => roomOf(from) === 'licences' && ABOVE_RULES.has(roomOf(to)),
  },
  {
    name: 'lib/portal imports nothing above it (only the types of lib/licences)',
    broken: ({ from, to, typeOnly }) =>
      roomOf(from) === 'portal' && (ABOVE_RULES.has(roomOf(to)) || (roomOf(to) === 'licences' && !typeOnly)),
  },
  {
    name: 'lib/ui imports neither lib/portal, lib/runtime nor lib/features',
    broken: ({ from, to }) => roomOf(from) === 'ui' && ['portal', 'runtime', 'features'].includes(roomOf(to)),
  },
  {
    name: 'lib/runtime names no feature (the entrypoint hands it the list)',
    broken: ({ from, to }) => roomOf(from) === 'runtime' && roomOf(to) === 'features',
  },
  {
    name: 'a feature imports no other feature (only the list, lib/features/index.ts, imports them all)',
    broken: ({ from, to }) =>
      roomOf(from) === 'features' &&
      roomOf(to) === 'features' &&
      from !== to &&
      from !== 'lib/features/index.ts',
  },
  {
    name: 'lib/dom imports nothing of lib/ (small DOM helpers any room may use)',
    broken: ({ from, to }) => roomOf(from) === 'dom' && to.startsWith('lib/') && roomOf(to) !== 'dom',
  },
  {
    name: 'nothing shipped imports mocks/ or tests/',
    broken: ({ from, to }) =>
      SHIPPED.has(roomOf(from)) && (to.startsWith('mocks/') || to.startsWith('tests/')),
  },
];

export function violations(edges: readonly Edge[], rules: readonly Rule[] = RULES): string[] {
  return rules.flatMap((rule) =>
    edges
      .filter((edge) => rule.broken(edge))
      .map((edge) => `${rule.name}: ${edge.from} → ${edge.to}${edge.typeOnly ? ' (types)' : ''}`),
  );
}

/** Every cycle of a directed graph, each once, as the list of its nodes (Tarjan's components). */
export function cycles(links: ReadonlyArray<readonly [string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [from, to] of links) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = (next.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) found.push(component.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Import cycles between files of lib/ (types included: a cycle is a knot for the reader too). */
export function fileCycles(edges: readonly Edge[]): string[][] {
  return cycles(
    edges
      .filter(({ from, to }) => from.startsWith('lib/') && to.startsWith('lib/'))
      .map(({ from, to }) => [from, to]),
  );
}

/**
 * Cycles between the rooms of lib/ through imports that stay in the build. Types may point both
 * ways between lib/portal and lib/licences (the reader's row type, the rules' count problems).
 */
export function roomCycles(edges: readonly Edge[]): string[][] {
  return cycles(
    edges
      .filter(({ from, to, typeOnly }) => !typeOnly && from.startsWith('lib/') && to.startsWith('lib/'))
      .map(({ from, to }) => [roomOf(from), roomOf(to)] as const)
      .filter(([from, to]) => from !== to),
  );
}
