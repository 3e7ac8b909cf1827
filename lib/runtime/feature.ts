import type { FeatureId } from '../settings/settings';
import type { PageText } from '../ui/page-text';
import type { PageSnapshot } from './page-snapshot';
import type { PageState } from './page-state';

export interface FeatureContext {
  document: Document;
  /** Aborted when the feature is switched off or the content script goes away. */
  signal: AbortSignal;
  state: PageState;
  /** The messages in the current language (it may change while the page lives). */
  text(): PageText;
}

export interface FeatureInstance {
  /** Brings the feature's elements in line with the page; called after every relevant change. */
  update(page: PageSnapshot): void;
  /** Removes every element and listener, restores what the feature changed in the page. */
  destroy(): void;
}

/** One user-visible feature, switched on and off from the options. */
export interface Feature {
  id: FeatureId;
  init(context: FeatureContext): FeatureInstance;
}
