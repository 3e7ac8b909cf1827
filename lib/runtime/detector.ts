/**
 * What runs on every portal page: a watch for licence content (the Détails block's "Nombre de
 * licences" heading or a termination dialog's "Résiliation licence …" title, judged by
 * `lib/portal/presence.ts`), by text only and cheaply. It calls `found` once, when such text is in
 * the page or arrives later, and stops watching then (or when `signal` aborts). Everything else —
 * readers, rules, features, Preact — loads only after that (`assistant-handoff.ts`). Apart from it,
 * one look once the page is parsed: is this the services list (where the audit's button goes)?
 */
import {
  detailsTabControl,
  labelsChosenDetailsTab,
  mayHoldLicenceContent,
  showsDetailsTab,
  showsServicesList,
} from '../portal/presence';

/** Only what adds text: no attributes (a dialog shown by a class change was already in the text). */
const ADDITIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

function parsing(document: Document): boolean {
  return document.readyState === 'loading';
}

/**
 * Whether a batch of records adds licence content. While the parser runs, only text nodes are
 * tested (an element's text would be tested again with each of its children: the whole document
 * once per level); once parsed, a subtree inserted at once (markup set from a string, a fetched dialog) is tested
 * as a whole. A heading split over several nodes while parsing is found by the check once parsed.
 */
export function recordsAddLicenceContent(records: readonly MutationRecord[], whileParsing: boolean): boolean {
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index] as MutationRecord;
    if (record.type === 'characterData') {
      if (mayHoldLicenceContent((record.target as CharacterData).data)) return true;
      continue;
    }
    const added = record.addedNodes;
    for (let at = 0, count = added.length; at < count; at += 1) {
      const node = added[at] as Node;
      if (node.nodeType === 3) {
        if (mayHoldLicenceContent((node as Text).data)) return true;
      } else if (!whileParsing && node.nodeType === 1 && mayHoldLicenceContent(node.textContent ?? '')) {
        return true;
      }
    }
  }
  return false;
}

export function watchForLicenceContent(document: Document, signal: AbortSignal, found: () => void): void {
  if (signal.aborted) return;
  // Once parsed: licence text anywhere.
  const wholeText = () => mayHoldLicenceContent(document.documentElement?.textContent ?? '');
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', onParsed);
    found();
  };
  const observer = new MutationObserver((records) => {
    if (!done && !signal.aborted && recordsAddLicenceContent(records, parsing(document))) finish();
  });
  const onParsed = () => {
    if (!done && !signal.aborted && wholeText()) finish();
  };
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      document.removeEventListener('DOMContentLoaded', onParsed);
    },
    { once: true },
  );
  if (!parsing(document) && wholeText()) {
    finish();
    return;
  }
  observer.observe(document, ADDITIONS);
  if (parsing(document)) document.addEventListener('DOMContentLoaded', onParsed, { once: true });
}

/**
 * Calls `found` once the document is parsed, when it is the services list (its heading, not the menu
 * link every page has): the audit's start button goes there, and nothing of the assistant.
 */
export function watchForServicesList(document: Document, signal: AbortSignal, found: () => void): void {
  if (signal.aborted) return;
  const check = () => {
    if (!signal.aborted && showsServicesList(document)) found();
  };
  if (!parsing(document)) {
    check();
    return;
  }
  document.addEventListener('DOMContentLoaded', check, { once: true });
  signal.addEventListener('abort', () => document.removeEventListener('DOMContentLoaded', check), {
    once: true,
  });
}

/**
 * Calls `found` once the Détails tab shows as the chosen one — as the parser adds its label, or once
 * the document is parsed — or when the operator clicks it (or presses it with the keyboard: a click
 * too): its pane loads the licence block by a round trip of the page's own, during which the assistant
 * can be injected and get ready, instead of after the block has arrived (issue 16: the annotated
 * Détails load). Once parsed, a click listener only: no observer.
 */
export function watchForDetailsTab(document: Document, signal: AbortSignal, found: () => void): void {
  if (signal.aborted) return;
  let done = false;
  let parser: MutationObserver | null = null;
  const finish = () => {
    if (done || signal.aborted) return;
    done = true;
    document.removeEventListener('click', onClick, true);
    parser?.disconnect();
    found();
  };
  const onClick = (event: Event) => {
    if (detailsTabControl(event.target)) finish();
  };
  const check = () => {
    if (showsDetailsTab(document)) finish();
  };
  document.addEventListener('click', onClick, { capture: true, passive: true, signal });
  if (!parsing(document)) {
    check();
    return;
  }
  // While the parser runs: the tab's label as it is added (the tabs come before their panes), so the
  // injection overlaps the rest of the page's parsing and start-up as well as the pane's round trip.
  const watch = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.nodeType === 3 && labelsChosenDetailsTab(node as Text)) {
          finish();
          return;
        }
  });
  parser = watch;
  watch.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => watch.disconnect(), { once: true });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      watch.disconnect();
      check();
    },
    { once: true, signal },
  );
}
