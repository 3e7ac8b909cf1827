import { describe, expect, it } from 'vitest';
import { isRelevant, type Tracked } from '../../../lib/features/page-observer';

function record(partial: Partial<MutationRecord>): MutationRecord {
  return {
    type: 'childList',
    target: document.body,
    addedNodes: [] as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
    attributeName: null,
    attributeNamespace: null,
    nextSibling: null,
    previousSibling: null,
    oldValue: null,
    ...partial,
  } as MutationRecord;
}

const nodes = (...list: Node[]) => list as unknown as NodeList;

describe('isRelevant', () => {
  const block = document.createElement('table');
  const row = document.createElement('tr');
  block.append(row);
  document.body.append(block);
  const tracked: Tracked = { regions: [block], nodes: [block, row] };

  it('ignores added content that mentions neither licences nor quantities', () => {
    const span = document.createElement('span');
    span.textContent = 'Notification : 3 nouveaux tickets';
    expect(isRelevant([record({ addedNodes: nodes(span) })], tracked)).toBe(false);
  });

  it('reacts to added content with licences or quantities (block or dialog body arriving)', () => {
    const div = document.createElement('div');
    div.textContent = 'Quantité souscrite 2';
    expect(isRelevant([record({ addedNodes: nodes(div) })], tracked)).toBe(true);
    expect(
      isRelevant([record({ addedNodes: nodes(document.createTextNode('Licence full')) })], tracked),
    ).toBe(true);
  });

  it('ignores our own elements', () => {
    const own = document.createElement('mla-licence');
    own.textContent = 'Licence';
    expect(isRelevant([record({ addedNodes: nodes(own) })], { regions: [], nodes: [] })).toBe(false);
  });

  it('reacts to any change inside the tracked block (a count edited in place)', () => {
    const text = document.createTextNode('1 / 2');
    row.append(text);
    expect(isRelevant([record({ type: 'characterData', target: text })], tracked)).toBe(true);
  });

  it('reacts when a tracked node was removed, not to other removals', () => {
    const other = document.createElement('p');
    expect(isRelevant([record({ removedNodes: nodes(other) })], tracked)).toBe(false);
    block.remove();
    expect(isRelevant([record({ removedNodes: nodes(block) })], tracked)).toBe(true);
  });

  it('reacts to a dialog shown by a class change, not to body class changes', () => {
    const modal = document.createElement('div');
    modal.textContent = 'Résiliation licence full';
    expect(
      isRelevant([record({ type: 'attributes', target: modal, attributeName: 'class' })], {
        regions: [],
        nodes: [],
      }),
    ).toBe(true);
    expect(
      isRelevant([record({ type: 'attributes', target: document.body, attributeName: 'class' })], {
        regions: [],
        nodes: [],
      }),
    ).toBe(false);
  });
});
