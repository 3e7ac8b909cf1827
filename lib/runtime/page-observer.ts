/**
 * The one MutationObserver of the extension. Portal pages change a lot for reasons that do not
 * concern us (clocks, menus, tooltips), so each record is filtered cheaply before anything is read:
 * only changes inside what we already track (the licence block, open dialogs), removals of tracked
 * nodes, and new content mentioning licences or quantities trigger a re-read, once per microtask.
 * Records cost the page even when filtered out, so a settled page is not observed at all: a timer
 * compares what was read instead (idle-check.ts), until the operator acts again; then only what the
 * action can change is observed (the block, dialogs and where they appear, the block's path).
 */
import { isOwnElement } from '../portal/visibility';
import { type IdleCheck, startIdleCheck } from './idle-check';
import { heldWhatWasRead, type Tracked, WATCHED_ATTRIBUTES } from './tracked';
import { type Meter, UNMETERED } from './work-meter';

const WHOLE_PAGE: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};

/**
 * Along the block's path, what can replace or hide it: the child lists (a pane or dialog added,
 * replaced or removed) and what shows or hides an ancestor (a tab pane left, a view kept hidden by a
 * single-page navigation while another service is shown).
 */
const ALONG_PATH: MutationObserverInit = {
  childList: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};

/** Words every relevant piece of content carries: licence rows, dialog titles and quantities. */
const RELEVANT_TEXT = /licen|quantit/i;

/** Our own elements are never news; checked last, as most nodes do not mention licences at all. */
function mentionsLicences(node: Node): boolean {
  const type = node.nodeType;
  if (type === 3) return RELEVANT_TEXT.test((node as Text).data);
  return type === 1 && RELEVANT_TEXT.test(node.textContent ?? '') && !isOwnElement(node as Element);
}

function inRegions(node: Node, regions: readonly Node[]): boolean {
  for (const region of regions) if (region.contains(node)) return true;
  return false;
}

/**
 * Whether a batch of records may change what the features show. Runs for every page mutation, in
 * the content script's world where each DOM access costs: indexed loops (no NodeList copies), and
 * a target seen by the previous record (a list filling up) is not checked again.
 */
export function isRelevant(records: readonly MutationRecord[], tracked: Tracked): boolean {
  let removals = false;
  let lastTarget: Node | null = null;
  let ownTarget = false;
  const checked = new Set<Node>();
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index] as MutationRecord;
    const target = record.target;
    if (target !== lastTarget) {
      lastTarget = target;
      ownTarget = target.nodeType === 1 && isOwnElement(target as Element);
      if (!ownTarget && inRegions(target, tracked.regions)) return true;
    }
    if (ownTarget) continue;
    const type = record.type;
    if (type === 'childList') {
      const added = record.addedNodes;
      for (let at = 0, count = added.length; at < count; at += 1)
        if (mentionsLicences(added[at] as Node)) return true;
      const removed = record.removedNodes;
      const count = removed.length;
      if (count > 0) removals = true;
      // The block or an ancestor taken out: gone, or moved elsewhere (then still connected).
      for (let at = 0; at < count; at += 1) if (heldWhatWasRead(tracked, removed[at] as Node)) return true;
    } else if (type === 'attributes') {
      const tag = (target as Element).tagName;
      // `body`/`html` classes change with every modal and menu; the modal itself is also recorded.
      if (tag === 'BODY' || tag === 'HTML' || checked.has(target)) continue;
      checked.add(target);
      if (mentionsLicences(target)) return true;
    } else if (type === 'characterData' && mentionsLicences(target)) {
      return true;
    }
  }
  if (removals) for (const node of tracked.nodes) if (!node.isConnected) return true;
  return false;
}

export interface PageObserver {
  /**
   * Drops pending records (our own changes, right after we made them), then decides whether the
   * page has settled. Call it after every read.
   */
  forget(): void;
  /** Drops pending records only: our own changes made by a slice of work after the read. */
  drop(): void;
  /**
   * `observing` while a MutationObserver watches the whole page (as it loads, or once the idle check
   * saw a change), `targeted` after an operator's action (only what can matter), `idle` while a
   * timer checks it.
   */
  mode(): 'observing' | 'targeted' | 'idle';
  disconnect(): void;
}

export interface ObserveOptions {
  /** How long the page must go without an action or a relevant change to be settled (ms). */
  quietMs?: number;
  /** How often a settled page's tracked content is compared with what was read (ms). */
  idleCheckMs?: number;
  /** Our work in each callback, for the bench (work-meter.ts). */
  measure?: Meter;
}

/**
 * The portal changes what we read after an operator's action (a tab, an icon, a form) or while a
 * page loads; what changes on its own later (clocks, pollers, menus) is not ours to pay for. Five
 * seconds without either covers the portal's "Chargement..." round trips.
 */
export const QUIET_MS = 5_000;
/** A settled block that the portal edits on its own is shown right again within a second. */
export const IDLE_CHECK_MS = 1_000;

/** Events that mean the operator acts on the page (listened to on the capture phase, passively). */
const ACTION_EVENTS = ['pointerdown', 'keydown', 'click', 'submit'] as const;
/**
 * The page shown again — back from the back/forward cache (`pageshow`), or its tab brought back
 * (`visibilitychange`) after another tab may have changed the service: what a settled page shows is
 * compared at once, not at the next idle check (a hidden tab's timers are throttled to one a minute).
 */
const NAVIGATION_EVENTS = ['popstate', 'hashchange', 'pageshow'] as const;

/**
 * Calls `onChange` once per microtask in which relevant mutations happened, until `signal` aborts.
 * Once something is tracked and neither the operator nor the page did anything relevant for
 * `quietMs`, the observer stops and a check every `idleCheckMs` compares the tracked content with
 * what was read; a change there (→ `onChange`) or any action starts observing again.
 */
export function observePage(
  document: Document,
  tracked: () => Tracked,
  onChange: () => void,
  signal: AbortSignal,
  options: ObserveOptions = {},
): PageObserver {
  const quietMs = options.quietMs ?? QUIET_MS;
  const idleCheckMs = options.idleCheckMs ?? IDLE_CHECK_MS;
  const measure = options.measure ?? UNMETERED;
  const now = () => performance.now();
  let scheduled = false;
  let lastActivity = now();
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setInterval> | undefined;
  let idle: IdleCheck | null = null;
  let targeted = false;

  const change = () => {
    lastActivity = now();
    onChange();
  };
  /** Once per microtask, never inside a read (`forget` runs at the end of one). */
  const scheduleChange = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!signal.aborted) measure(change);
    });
  };
  const observer = new MutationObserver((records) =>
    measure(() => {
      if (!scheduled && !signal.aborted && isRelevant(records, tracked())) scheduleChange();
    }),
  );

  const stopIdleCheck = () => {
    if (idleTimer !== undefined) clearInterval(idleTimer);
    idleTimer = undefined;
    idle = null;
  };
  const observe = () => {
    stopIdleCheck();
    targeted = false;
    // The targets of an action go first (the document among them, with other options): the whole page
    // must not depend on a second `observe` of one node replacing its options (happy-dom keeps the first).
    observer.disconnect();
    observer.observe(document, WHOLE_PAGE);
  };
  /**
   * What an action can change, and nothing else: the tracked block and dialogs (whole), the places
   * dialogs appear (whole: filled and shown in place), the child lists and showing attributes along
   * the block's path (a pane replaced or hidden, a dialog appended to the body, the block removed). The page's clocks, menus and
   * pollers elsewhere then cost it nothing, even right after a key press.
   */
  const observeTargets = (what: Tracked) => {
    stopIdleCheck();
    targeted = true;
    observer.disconnect();
    for (const node of what.places?.paths ?? []) observer.observe(node, ALONG_PATH);
    for (const node of what.places?.dialogs ?? []) observer.observe(node, WHOLE_PAGE);
    for (const node of what.regions) observer.observe(node, WHOLE_PAGE);
  };
  /** Targets when the last read found the block (its path is known); the whole page otherwise. */
  const observeAfterAction = () => {
    const what = tracked();
    if (what.regions.length > 0 && (what.places?.paths.length ?? 0) > 0) observeTargets(what);
    else observe();
  };
  const goIdle = (what: Tracked) => {
    // Records still pending were made before the page settled: they are handled, not dropped.
    const pending = observer.takeRecords();
    if (pending.length > 0 && isRelevant(pending, what)) return scheduleChange();
    observer.disconnect();
    // After an action only its targets were watched: what appeared elsewhere meanwhile (a pane filled
    // in place, a second block) is read once now, rather than at a next change that may never come.
    if (targeted) queueMicrotask(() => signal.aborted || measure(onChange));
    targeted = false;
    idle = startIdleCheck(what, document);
    idleTimer = setInterval(
      () =>
        measure(() => {
          if (signal.aborted || !idle?.changed()) return;
          observe();
          scheduleChange();
        }),
      idleCheckMs,
    );
  };
  const armQuietTimer = () => {
    if (quietTimer !== undefined || signal.aborted) return;
    quietTimer = setTimeout(
      () => {
        quietTimer = undefined;
        if (!signal.aborted) settle();
      },
      Math.max(0, lastActivity + quietMs - now()),
    );
  };
  /** Idle once quiet with something tracked; observing (and waiting for quiet) otherwise. */
  const settle = () => {
    if (idle) return;
    const what = tracked();
    if (what.regions.length > 0 && now() - lastActivity >= quietMs) goIdle(what);
    else armQuietTimer();
  };
  const onAction = () => {
    lastActivity = now();
    if (idle) {
      // A change the page made since the idle check last looked would be lost with it: the observer
      // only records what comes next, and the next idle check starts from the changed page.
      const missed = idle.changed();
      observeAfterAction();
      if (missed) scheduleChange();
    }
    armQuietTimer();
  };

  const onShown = () => {
    if (document.visibilityState !== 'hidden') onAction();
  };

  observe();
  armQuietTimer();
  const listening = { capture: true, passive: true, signal };
  /** Again after every read: `document.open()` erases the document's and window's listeners. */
  const listen = () => {
    for (const type of ACTION_EVENTS) document.addEventListener(type, onAction, listening);
    const view = document.defaultView;
    if (view) for (const type of NAVIGATION_EVENTS) view.addEventListener(type, onAction, listening);
    document.addEventListener('visibilitychange', onShown, listening);
  };
  listen();

  const disconnect = () => {
    observer.disconnect();
    clearTimeout(quietTimer);
    clearInterval(idleTimer);
    quietTimer = undefined;
    idleTimer = undefined;
  };
  signal.addEventListener('abort', disconnect, { once: true });
  return {
    forget: () => {
      observer.takeRecords();
      if (signal.aborted) return;
      listen();
      // A read while idle (options changed, a refresh) is the new reference for the check.
      if (idle) idle = startIdleCheck(tracked(), document);
      else {
        // What a read tracks may have changed (a dialog opened, the block re-rendered).
        if (targeted) observeAfterAction();
        settle();
      }
    },
    drop: () => {
      observer.takeRecords();
    },
    mode: () => (idle ? 'idle' : targeted ? 'targeted' : 'observing'),
    disconnect,
  };
}
