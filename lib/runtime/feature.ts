/** What a feature is to the runtime: the contract every file of `lib/features/` fulfils. */
import type { PageText } from '../i18n/page-messages';
import type { FeatureId } from '../settings/settings';
import type { PageNeed, PageView } from './page-view';
import type { Slicer } from './slices';

export interface FeatureContext {
  document: Document;
  /** Aborted when the feature is switched off or the content script goes away. */
  signal: AbortSignal;
  /** The messages in the current language (it may change while the page lives). */
  text(): PageText;
  /**
   * Tells the runtime an element of ours is being put into the page at `place` (the element it goes
   * in or next to). A page that keeps removing them gets the feature stopped on this page
   * (placement-limit.ts): call it for every insertion, never for an element already in place.
   * `false`: do not insert (the place is over the limit).
   */
  placing(place: Node): boolean;
  /**
   * Runs per-row work in slices that yield to the page (no long task with 200 rows); a new run
   * replaces the one in progress. Stops with `signal`.
   */
  slices: Slicer;
  /**
   * Reads the page again and updates every feature, before returning (a page with a termination
   * dialog open is read in one task). For a safety feature that meets, at the moment of an action,
   * something the last reading did not see (a dialog filled where the observer was not looking).
   */
  refresh(): void;
  /**
   * `refresh()` only when what the last reading tracked (the block, open dialogs, their quantity
   * inputs) changed or left the page since: asked at the moment of an action, which may come before
   * the observer has told the runtime (same task, or a settled page checked only once a second).
   */
  refreshIfChanged(): void;
  /**
   * The guard let through an action that may send this termination dialog (`true`): once the page
   * closes it, its row's count may be the one from before until it changes (a portal that needs a
   * reload). `false`: the operator cancelled the dialog since (the page kept it open: not taken).
   * `value`: how many this opening of the dialog let through, when the quantity was read.
   */
  terminationSent(dialog: HTMLElement, sent: boolean, value?: number): void;
}

export interface FeatureInstance {
  /** Brings the feature's elements in line with the page; called after every relevant change. */
  update(page: PageView): void;
  /** Removes every element and listener, restores what the feature changed in the page. */
  destroy(): void;
}

/** One user-visible feature, switched on and off from the options. */
export interface Feature {
  id: FeatureId;
  /**
   * Page data beyond the verdict this feature reads in `update`: the runtime reads it up front, before
   * any feature changes the page, and only while a feature that needs it runs.
   */
  needs?: readonly PageNeed[];
  /**
   * A safety feature (the guard): a page that keeps removing its elements makes it stop putting them
   * back, never stop — its refusal is decided at the moment of the action, not by its element.
   */
  guardsActions?: boolean;
  init(context: FeatureContext): FeatureInstance;
}
