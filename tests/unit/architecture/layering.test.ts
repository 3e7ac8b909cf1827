import { describe, expect, it } from 'vitest';
import { type Edge, importGraph, importsOf } from './imports';
import { fileCycles, RULES, roomCycles, roomOf, violations } from './rules';

const SHIPPED_DIRS = ['lib', 'entrypoints'];

describe('the layering of lib/ and entrypoints/', () => {
  const edges = importGraph(SHIPPED_DIRS);

  it('reads the imports of every room', () => {
    const rooms = new Set(edges.map((edge) => roomOf(edge.from)));
    for (const room of ['portal', 'licences', 'i18n', 'settings', 'ui', 'runtime', 'features', 'entrypoints'])
      expect(rooms, room).toContain(room);
    expect(edges.filter((edge) => edge.typeOnly).length).toBeGreaterThan(10);
  });

  it('breaks no rule', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('has no import cycle between files of lib/', () => {
    expect(fileCycles(edges)).toEqual([]);
  });

  it('has no cycle between the rooms of lib/ through imports that are built', () => {
    expect(roomCycles(edges)).toEqual([]);
  });
});

describe('each rule catches what it forbids', () => {
  const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly });
  it.each<[string, Edge]>([
    ['lib/licences imports nothing but types', edge('lib/licences/assess.ts', 'lib/portal/labels.ts')],
    ['lib/licences imports nothing above it', edge('lib/licences/assess.ts', 'lib/ui/page-text.ts', true)],
    ['lib/portal imports nothing above it', edge('lib/portal/sda.ts', 'lib/runtime/log.ts')],
    ['lib/portal imports nothing above it', edge('lib/portal/count.ts', 'lib/licences/assess.ts')],
    ['lib/portal imports nothing above it', edge('lib/portal/count.ts', 'lib/i18n/format.ts', true)],
    ['lib/ui imports neither', edge('lib/ui/PopupView.tsx', 'lib/runtime/page-status.ts', true)],
    ['lib/ui imports neither', edge('lib/ui/SdaFlag.tsx', 'lib/portal/sda.ts')],
    ['lib/ui imports neither', edge('lib/ui/SdaFlag.tsx', 'lib/features/sda-flags.tsx')],
    ['lib/runtime names no feature', edge('lib/runtime/manager.ts', 'lib/features/sda-flags.tsx')],
    [
      'a feature imports no other feature',
      edge('lib/features/licence-annotations.tsx', 'lib/features/sda-flags.tsx'),
    ],
    ['lib/dom imports nothing of lib/', edge('lib/dom/lent-attributes.ts', 'lib/portal/text.ts')],
    ['nothing shipped imports mocks/ or tests/', edge('lib/portal/text.ts', 'mocks/html/html.ts')],
    [
      'nothing shipped imports mocks/ or tests/',
      edge('entrypoints/popup/main.tsx', 'tests/unit/fixtures/card.ts'),
    ],
  ])('%s: %j', (name, planted) => {
    const found = violations([planted]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(name);
  });

  it('lets what is allowed through', () => {
    const allowed = [
      edge('lib/licences/judge-page.ts', 'lib/portal/types.ts', true),
      edge('lib/portal/types.ts', 'lib/licences/types.ts', true),
      edge('lib/features/index.ts', 'lib/features/sda-flags.tsx'),
      edge('lib/features/sda-flags.tsx', 'lib/runtime/owned-hosts.ts'),
      edge('lib/runtime/manager.ts', 'lib/portal/labels.ts'),
      edge('entrypoints/portal.content.ts', 'lib/features/index.ts'),
      edge('tests/unit/x.test.ts', 'mocks/portal.ts'),
    ];
    expect(violations(allowed)).toEqual([]);
    expect(RULES.length).toBeGreaterThanOrEqual(7);
  });

  it('finds a cycle between files and between rooms', () => {
    const knot = [
      edge('lib/ui/page-text.ts', 'lib/i18n/page-texts.ts', true),
      edge('lib/i18n/page-texts.ts', 'lib/i18n/format.ts'),
      edge('lib/i18n/format.ts', 'lib/ui/page-text.ts', true),
    ];
    expect(fileCycles(knot)).toEqual([
      ['lib/i18n/format.ts', 'lib/i18n/page-texts.ts', 'lib/ui/page-text.ts'],
    ]);
    expect(roomCycles(knot)).toEqual([]);
    const rooms = [edge('lib/ui/a.ts', 'lib/i18n/b.ts'), edge('lib/i18n/c.ts', 'lib/ui/d.ts')];
    expect(fileCycles(rooms)).toEqual([]);
    expect(roomCycles(rooms)).toEqual([['i18n', 'ui']]);
  });
});

describe('reading imports', () => {
  it('tells type-only imports from the others and resolves paths', () => {
    const code = [
      "import type { A } from '../portal/types';",
      "import { type B, type C } from './types';",
      "import { type D, e } from './assess';",
      "export { f } from '@/lib/portal/labels';",
      "export type { G } from './types';",
      "import { h,\n  i } from 'preact';",
      "import './side-effect';",
    ].join('\n');
    expect(importsOf('lib/licences/x.ts', code)).toEqual([
      { from: 'lib/licences/x.ts', to: 'lib/portal/types.ts', typeOnly: true },
      { from: 'lib/licences/x.ts', to: 'lib/licences/types.ts', typeOnly: true },
      { from: 'lib/licences/x.ts', to: 'lib/licences/assess.ts', typeOnly: false },
      { from: 'lib/licences/x.ts', to: 'lib/portal/labels.ts', typeOnly: false },
      { from: 'lib/licences/x.ts', to: 'lib/licences/types.ts', typeOnly: true },
      { from: 'lib/licences/x.ts', to: 'preact', typeOnly: false },
      { from: 'lib/licences/x.ts', to: 'lib/licences/side-effect', typeOnly: false },
    ]);
  });
});
