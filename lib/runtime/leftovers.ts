/**
 * What an earlier copy of the assistant left in this document and can no longer take back: after an
 * update or a reload of the extension, Firefox tears the old copy's code down (its listeners never run
 * again) while its elements stay in the page, showing the numbers they had and a guard that guards
 * nothing; the copy injected then would add its own beside them. An assistant starting in a document
 * owns none of the elements there yet (a copy still running in this world was stopped first), so
 * every assistant element found is a leftover: removed, and the attributes the old guard lent (they
 * come together: our guard's id in `aria-describedby`, with `aria-disabled` on what it blocked or
 * `aria-invalid` on the quantity) are taken back. The page's own `aria-disabled="true"` under a lent
 * one cannot be told from ours: it goes too (the page sets it again when it re-renders).
 */
import { GUARD_TAG, SHOWN_TAGS } from '../ui/tags';

const OUR_TOKEN = `${GUARD_TAG}-`;

export function sweepLeftovers(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(SHOWN_TAGS))) element.remove();
  for (const element of Array.from(document.querySelectorAll(`[aria-describedby*="${OUR_TOKEN}"]`))) {
    const tokens = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const pages = tokens.filter((token) => !token.startsWith(OUR_TOKEN));
    if (pages.length === tokens.length) continue;
    if (pages.length > 0) element.setAttribute('aria-describedby', pages.join(' '));
    else element.removeAttribute('aria-describedby');
    for (const name of ['aria-disabled', 'aria-invalid'])
      if (element.getAttribute(name) === 'true') element.removeAttribute(name);
  }
}

/**
 * One running assistant per document and world: a second start in the same world (two detectors
 * racing, a re-injection after a fault) stops the first, cleanly, before it starts — two copies would
 * each remove the other's badges until both are stopped as fought off, and double every guard. The
 * mark is an expando of this world's document object: the page, in its own world, never sees it.
 */
const RUNNING: unique symbol = Symbol.for('mla.assistant.running') as never;
type Marked = Document & { [RUNNING]?: () => void };

export function takeOver(document: Document, stop: () => void): () => void {
  const marked = document as Marked;
  marked[RUNNING]?.();
  marked[RUNNING] = stop;
  return () => {
    if (marked[RUNNING] === stop) delete marked[RUNNING];
  };
}

/**
 * What a copy stopped by a second start in this world taught about the page (terminations sent, dialogs
 * seen), for that start: the row a termination was sent from still shows the count it had, and a copy
 * starting blank would show its old maximum again. Versioned: a copy of another version of the extension
 * (Chrome may run the new one in the same world as the orphaned old one) hands nothing over — its shape
 * may differ. A copy stopped by its extension (updated, removed) hands nothing over either.
 */
const HANDED: unique symbol = Symbol.for('mla.assistant.memory.1') as never;
type Handing<T> = Document & { [HANDED]?: T };

export function handOver<T>(document: Document, memory: T): void {
  (document as Handing<T>)[HANDED] = memory;
}

/** What the copy stopped just before handed over (taken once). */
export function takeHanded<T>(document: Document): T | undefined {
  const marked = document as Handing<T>;
  const memory = marked[HANDED];
  delete marked[HANDED];
  return memory;
}
