/**
 * What each script the portal's pages load brings with it, by its import graph (built imports only):
 * the detector (every page) and the assistant (the Détails tab) carry nothing of the audit; the
 * services list's button script carries neither the assistant's readers and features nor the audit's
 * engine. The audit runs in its own extension page; its one request in a portal tab is injected
 * from there as a function (lib/audit/tab-fetch.ts).
 */
import { describe, expect, it } from 'vitest';
import { type Edge, importGraph } from './imports';

/** Every file `start` brings into its bundle: the imports that are built, followed to the end. */
function reachable(edges: readonly Edge[], start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const { from, to, typeOnly } of edges) if (!typeOnly) next.set(from, [...(next.get(from) ?? []), to]);
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift())
    for (const target of next.get(file) ?? [])
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
  return seen;
}

const AUDIT = (file: string) => file.startsWith('lib/audit/') || file.startsWith('lib/features/audit-');
const ASSISTANT = (file: string) =>
  file === 'lib/features/index.ts' ||
  file.startsWith('lib/features/licence-') ||
  file === 'lib/runtime/manager.ts' ||
  file === 'preact';

describe('what the portal’s pages load', () => {
  const edges = importGraph(['lib', 'entrypoints']);

  it.each([
    ['the detector (every portal page)', 'entrypoints/portal.content.ts'],
    ['the assistant (the Détails tab)', 'entrypoints/licence-assistant.ts'],
  ])('%s brings nothing of the audit', (_name, entry) => {
    const files = reachable(edges, entry);
    expect(files.size).toBeGreaterThan(3);
    expect([...files].filter(AUDIT)).toEqual([]);
  });

  it('the services list’s button script brings the button and the open-audit message, nothing of the assistant or the audit’s engine', () => {
    const files = [...reachable(edges, 'entrypoints/audit-start.ts')];
    expect(files).toContain('lib/features/audit-start.ts');
    expect(files.filter(ASSISTANT)).toEqual([]);
    expect(files.filter(AUDIT)).toEqual(['lib/features/audit-start.ts', 'lib/audit/messages.ts']);
  });

  it('follows built imports to the end, and no type-only one', () => {
    const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly });
    const graph = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('a', 'd', true), edge('x', 'y')];
    expect([...reachable(graph, 'a')].sort()).toEqual(['a', 'b', 'c']);
  });
});
