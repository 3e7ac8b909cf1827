/**
 * The feature manager: views the page once per relevant change (page-view.ts: read, then judged)
 * and lets each enabled feature bring its elements in line. It keeps what the page taught
 * (`PageMemory`) and the last verdict, which is what the popup is told. Features are isolated: one that throws is logged once and the others go on;
 * nothing is thrown into the page. A feature whose elements the page keeps removing is stopped on
 * this page (placement-limit.ts): fighting a framework's reconciler would freeze the tab. Everything
 * is torn down with the content script's context.
 */
import type { LanguageOption } from '../i18n/format';
import type { PageText } from '../i18n/page-messages';
import { summarise } from '../licences/assess';
import { EMPTY_MEMORY, type PageMemory, rememberSent } from '../licences/judge-page';
import { refusalsShown } from '../portal/dialog-answer';
import { sameLicence } from '../portal/labels';
import { dialogPlaces } from '../portal/presence';
import { readTerminationDialogs } from '../portal/termination-dialog';
import type { LicenceBlock } from '../portal/types';
import type { FeatureId, Settings } from '../settings/settings';
import type { BlockWatch } from './block-watch';
import type { Feature, FeatureInstance } from './feature';
import { allConnected, textOf } from './idle-check';
import { handOver, sweepLeftovers, takeHanded, takeOver } from './leftovers';
import { createErrorLog, type ErrorLog } from './log';
import { type ObserveOptions, observePage } from './page-observer';
import type { PageStatus } from './page-status';
import { FEW_ROWS, type PageView, viewPage } from './page-view';
import { createPlacementLimit, type PlacementLimitOptions } from './placement-limit';
import { readInSlices, type SlicedRead } from './sliced-read';
import { createSlicer, SLICE_BUDGET_MS, type SliceOptions, type Slicer, yieldToPage } from './slices';
import type { Tracked } from './tracked';
import { type ViewportOrder, watchViewport } from './viewport-order';
import { type Meter, UNMETERED } from './work-meter';

export interface AssistantOptions {
  document: Document;
  features: readonly Feature[];
  settings: Settings;
  /**
   * The messages for a language option, at hand at once: the content script loads them before it
   * passes settings that name them (`lib/i18n/page-texts.ts`).
   */
  text(language: LanguageOption): PageText;
  signal: AbortSignal;
  log?: ErrorLog;
  /** How the page is watched (tests shorten the quiet delay). */
  observe?: ObserveOptions;
  /** The back-off against a page that keeps removing our elements (tests shorten it). */
  placements?: PlacementLimitOptions;
  /** How per-row work is sliced (tests of other things lift the budget). */
  slices?: SliceOptions;
  /** Our work, task by task, for the bench (the test build's content script; work-meter.ts). */
  measure?: Meter;
}

export interface Assistant {
  setSettings(settings: Settings): void;
  /** The last verdict about the page (the popup's question): what the features show. */
  status(): PageStatus;
  /** Re-reads the page and updates every feature now (tests, location changes). */
  refresh(): void;
  destroy(): void;
}

interface Running {
  instance: FeatureInstance;
  controller: AbortController;
  slices: Slicer;
}

/**
 * Our work in the task that starts reading (the observer's callback, the first rows read; for a small
 * block all of it: judgement and every feature), at most (ms): under 16, one frame, with room for the
 * read's last step (a few ms on 200 rows) that runs past it.
 */
export const FIRST_TASK_MS = 10;

/** What one read leaves behind while its verdict is shown slice by slice. */
interface ShownRead {
  watch: BlockWatch;
  order: ViewportOrder | null;
}

const NO_TRACKING: Tracked = { regions: [], nodes: [] };

export function startAssistant(options: AssistantOptions): Assistant {
  const { document, features } = options;
  const log = options.log ?? createErrorLog();
  const measure = options.measure ?? UNMETERED;
  const now = options.slices?.now ?? (() => performance.now());
  /** When the first slices must stop: the end of the task that finished the read. */
  let firstDeadline = 0;
  let shown: ShownRead | null = null;
  const lifetime = new AbortController();
  let memory: PageMemory = EMPTY_MEMORY;
  let last: PageView | null = null;
  const running = new Map<FeatureId, Running>();
  let settings = options.settings;
  let text = options.text(settings.language);
  let tracked = NO_TRACKING;
  /**
   * What the tracked regions said at the last read, kept while a termination dialog is open: an
   * action is judged on what the page shows then (`refreshIfChanged`). Our own elements' text is in
   * shadow roots: what they add later is no change.
   */
  let readText: string | null = null;
  /** Features the page fought off: not restarted on this page, whatever the options say. */
  const stoppedHere = new Set<FeatureId>();

  const safely = <T>(where: string, action: () => T): T | undefined => {
    try {
      return action();
    } catch (error) {
      log(where, error);
      return undefined;
    }
  };

  const track = (page: PageView): Tracked => {
    const regions: Node[] = page.dialogs.map(({ dialog }) => dialog.scope ?? dialog.root);
    // A dialog removed (not hidden) is news too: the guard goes, a termination sent from it shows.
    // A quantity input replaced (a re-render) leaves text alike: its removal is news all the same.
    const nodes: Node[] = [...regions, ...page.dialogs.flatMap((view) => view.dialog.quantityInput ?? [])];
    const paths: Node[] = [];
    // The block and the number tables that check it (flags list their numbers): their content, their
    // removal, and their ancestors (a pane or section replaced, added or hidden along the way).
    const read = page.block ? [page.block.container, ...page.numberTables] : [];
    const along = new Set<Node>();
    for (const container of read) {
      regions.push(container);
      nodes.push(container);
      for (let at = container.parentNode; at && !along.has(at); at = at.parentNode) along.add(at);
    }
    for (const { row } of page.rows) nodes.push(row.element, row.labelElement);
    paths.push(...along);
    const placed = new Set<Node>([...read, ...along]);
    return { regions, nodes, places: { dialogs: dialogPlaces(document), paths }, placed };
  };

  const stop = (id: FeatureId) => {
    const current = running.get(id);
    if (!current) return;
    running.delete(id);
    safely(`${id} destroy`, () => current.instance.destroy());
    current.controller.abort();
  };

  /** A later microtask: the feature may be in the middle of its update. */
  const stopFoughtOff = (id: FeatureId) => {
    if (stoppedHere.has(id)) return;
    stoppedHere.add(id);
    log(`${id} stopped`, 'the page keeps removing its elements');
    queueMicrotask(() => stop(id));
  };

  /** A safety feature keeps running (and blocking) without its elements; said once. */
  const placingStopped = new Set<FeatureId>();
  const stopPlacing = (id: FeatureId) => {
    if (placingStopped.has(id)) return;
    placingStopped.add(id);
    log(`${id} elements not put back`, 'the page keeps removing them; actions are still checked');
  };

  /** The refusals each dialog showed when a send was let through from it (see `terminationSent`). */
  const refusalsAtSend = new WeakMap<HTMLElement, number>();
  /**
   * Remembered for the next readings (judge-page.ts): the dialog is still open, nothing to show yet.
   * A cancel forgets the send only when the dialog shows a refusal it did not show at the send: a
   * success in the dialog, a message not understood or no answer yet (a send in flight) leave the
   * doubt — the termination may be taken, and the row may still show the count it had.
   */
  const terminationSent = (root: HTMLElement, sent: boolean, value?: number) => {
    const refusals = refusalsShown(root);
    if (sent) refusalsAtSend.set(root, refusals);
    else if (refusals <= (refusalsAtSend.get(root) ?? refusals)) return;
    const view = sent ? last?.dialogs.find(({ dialog }) => dialog.root === root) : undefined;
    const row = view && last?.rows.find(({ row }) => sameLicence(row.label, view.dialog.licenceLabel));
    const what = {
      value,
      quantities: view && { subscribed: view.dialog.subscribed, active: view.dialog.active },
    };
    if (row || !sent) memory = rememberSent(memory, root, row?.row ?? null, sameLicence, what);
    // A dialog naming no row of the block: which count predates the termination is not known, so all may.
    else if (view && last)
      memory = rememberSent(
        memory,
        root,
        last.rows.map(({ row }) => row),
        sameLicence,
        what,
      );
  };

  const syncFeatures = () => {
    for (const feature of features) {
      const current = running.get(feature.id);
      const wanted = settings.features[feature.id] && !stoppedHere.has(feature.id);
      if (wanted && !current) {
        const controller = new AbortController();
        const limit = createPlacementLimit(options.placements);
        const placing = (place: Node) => {
          if (limit.record(place)) return true;
          if (feature.guardsActions) stopPlacing(feature.id);
          else stopFoughtOff(feature.id);
          return false;
        };
        const slices = createSlicer(controller.signal, {
          ...options.slices,
          // Our own insertions, slice by slice, are no news to the observer nor to the read's watch.
          afterSlice: () => {
            observer.drop();
            shown?.watch.drop();
            queueMicrotask(endShownIfDone);
          },
          onError: (error) => log(feature.id, error),
          firstDeadline: () => firstDeadline,
          current: stillShown,
          priority: () => shown?.order ?? null,
          measure,
        });
        const instance = safely(`${feature.id} init`, () =>
          feature.init({
            document,
            signal: controller.signal,
            text: () => text,
            placing,
            slices,
            refresh: () => measure(run),
            refreshIfChanged: () => {
              if (readText === null || !allConnected(tracked) || textOf(tracked) !== readText) measure(run);
            },
            terminationSent,
          }),
        );
        if (instance) running.set(feature.id, { instance, controller, slices });
        else controller.abort();
      } else if (!wanted && current) {
        stop(feature.id);
      }
    }
  };

  const endShown = () => {
    shown?.watch.stop();
    shown?.order?.stop();
    shown = null;
  };
  /** Once every feature has shown the read in full, nothing needs watching for it any more. */
  const endShownIfDone = () => {
    for (const { slices } of running.values()) if (slices.pending()) return;
    endShown();
  };
  /**
   * Asked before every later slice: the page had its turn. A block changed since the read gets read
   * again (its slices then replace these), never half shown from the older read.
   */
  const stillShown = (): boolean => {
    if (!shown?.watch.changed()) return true;
    endShown();
    queueMicrotask(() => measure(run));
    return false;
  };

  /** Shows one read: judged (page-view.ts), then every feature brings its elements in line. */
  const show = (block: LicenceBlock | null, watch: BlockWatch) => {
    const read: ShownRead = { watch, order: null };
    shown = read;
    const page = safely('read page', () => {
      const view = viewPage(document, memory, block);
      memory = view.verdict.memory;
      // Read everything before any feature changes the page: reading after our own insertions would
      // make the browser recompute styles a second time in the same task (readers ask for them).
      if (view.rows.length > 0)
        for (const feature of features)
          if (running.has(feature.id)) for (const need of feature.needs ?? []) view[need]();
      return view;
    });
    last = page ?? null;
    if (page) {
      if (page.rows.length > FEW_ROWS) read.order = watchViewport(page.rows.map(({ row }) => row.element));
      for (const [id, { instance }] of running) safely(id, () => instance.update(page));
      tracked = track(page);
      readText = page.dialogs.length > 0 ? textOf(tracked) : null;
      watch.drop();
    }
    endShownIfDone();
    // What we just changed is no news to us.
    observer.forget();
  };

  let reading: SlicedRead | null = null;
  const run = () => {
    if (lifetime.signal.aborted) return;
    // A newer read replaces the one in progress and stops showing the older verdict.
    reading?.cancel();
    endShown();
    for (const { slices } of running.values()) slices.cancel();
    const started = safely('read page', () => {
      // With a termination dialog open the page is read in one task: the guard must know the dialog
      // before the page can run anything else (a click on Confirmer), whatever the block's size.
      const deadline =
        readTerminationDialogs(document).length > 0
          ? Number.POSITIVE_INFINITY
          : (options.slices?.firstDeadline?.() ?? now() + FIRST_TASK_MS);
      reading = readInSlices(document, {
        now,
        firstDeadline: deadline,
        budgetMs: options.slices?.budgetMs ?? SLICE_BUDGET_MS,
        yieldToPage: options.slices?.yieldToPage ?? yieldToPage,
        measure,
        onError: (error) => log('read page', error),
        done: (block, until, watch) => {
          reading = null;
          firstDeadline = until;
          show(block, watch);
        },
      });
      return true;
    });
    if (!started) {
      last = null;
      observer.forget();
    }
  };

  const observer = observePage(document, () => tracked, run, lifetime.signal, {
    ...options.observe,
    measure,
  });
  const destroy = () => {
    if (lifetime.signal.aborted) return;
    lifetime.abort();
    release();
    // It shows nothing now, so it claims nothing (a copy taken over may still be asked by the popup).
    last = null;
    reading?.cancel();
    endShown();
    for (const [id, { instance, controller }] of running) {
      safely(`${id} destroy`, () => instance.destroy());
      controller.abort();
    }
    running.clear();
  };
  // Alone in this document before anything is shown: a copy running in this world stops, and what a
  // copy torn down without us hearing (extension updated or reloaded) left behind goes.
  const release = takeOver(document, () => {
    handOver(document, memory);
    destroy();
  });
  memory = takeHanded<PageMemory>(document) ?? memory;
  safely('leftovers', () => sweepLeftovers(document));
  options.signal.addEventListener('abort', destroy, { once: true });

  syncFeatures();
  run();

  return {
    setSettings(next) {
      settings = next;
      text = options.text(settings.language);
      syncFeatures();
      run();
    },
    status() {
      const licences = last?.verdict.licences ?? [];
      const recognised = last?.block != null && licences.length > 0;
      return {
        recognised,
        ...(recognised ? {} : { reason: 'no-licence-block' as const }),
        licences,
        summary: last?.summary ?? summarise([]),
      };
    },
    refresh: run,
    destroy,
  };
}
