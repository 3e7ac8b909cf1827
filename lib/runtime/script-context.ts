/**
 * WXT's `ContentScriptContext`, reduced to what the content script uses (`ContentContext`: its
 * `signal` and `isInvalid`). The content-script build puts it in place of WXT's class (alias in
 * wxt.config.ts): the full class also brings timers, a location watcher and a logger the content
 * script never uses (~0.4 KB gzipped of a budgeted 12). The protocol is WXT's, unchanged: each copy
 * of the script announces itself on start (a `CustomEvent` on the document, and a `postMessage`), and
 * an older copy that hears a newer one stops; a context whose extension is gone (no `runtime.id`)
 * stops too.
 */
import { browser } from 'wxt/browser';
import type { ContentContext } from './content-main';

interface Started {
  contentScriptName?: string;
  messageId?: string;
}

export class ContentScriptContext implements ContentContext {
  readonly #controller = new AbortController();

  constructor(contentScriptName: string, options?: { noScriptStartedPostMessage?: boolean }) {
    // WXT's event name (`getUniqueEventName`), so copies built with either class hear each other.
    const type = `${browser.runtime?.id}:${contentScriptName}:wxt:content-script-started`;
    const messageId = Math.random().toString(36).slice(2);
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId } }));
    if (!options?.noScriptStartedPostMessage) window.postMessage({ type, contentScriptName, messageId }, '*');
    const onStarted = (event: Event) => {
      const detail = (event as CustomEvent<Started | null>).detail;
      if (
        event instanceof CustomEvent &&
        detail?.contentScriptName === contentScriptName &&
        detail.messageId !== messageId
      )
        this.notifyInvalidated();
    };
    document.addEventListener(type, onStarted, { signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  notifyInvalidated(): void {
    this.#controller.abort('Content script context invalidated');
  }
}
