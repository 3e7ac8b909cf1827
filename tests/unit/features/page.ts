/**
 * Fixtures and a running assistant for feature tests: the card's block as a table (shared card
 * fixture) and the card's termination dialog, Bootstrap-like.
 */
import { FEATURES } from '../../../lib/features';
import type { Feature } from '../../../lib/runtime/feature';
import { createErrorLog } from '../../../lib/runtime/log';
import { type Assistant, startAssistant } from '../../../lib/runtime/manager';
import { type LanguageOption, resolveLanguage } from '../../../lib/i18n/format';
import { defaultSettings, type Settings } from '../../../lib/settings/settings';
import { blockMarkup, CARD_ROWS, type CardRow, cardRowMarkup, mount } from '../fixtures/card';
import { en, fr } from '../ui/text';

export { CARD_ROWS };

export function cardTable(rows: readonly CardRow[] = CARD_ROWS): string {
  return `<div class="panel licences">${blockMarkup('table', cardRowMarkup(rows))}</div>`;
}

export interface DialogOptions {
  title?: string;
  subscribed?: string;
  active?: string;
  value?: string;
}

export function dialogMarkup({
  title = 'Résiliation licence full',
  subscribed = '2',
  active = '1',
  value = '1',
}: DialogOptions = {}): string {
  return `<div class="modal in" role="dialog" style="display:block"><div class="modal-content">
    <div class="modal-header"><h4 class="modal-title">${title}</h4></div>
    <form class="js-form"><div class="modal-body"><table>
      <tr><td>Quantité souscrite</td><td>${subscribed}</td></tr>
      <tr><td>Quantité active</td><td>${active}</td></tr>
      <tr><td><label for="qty">Quantité à résilier</label></td><td><input id="qty" type="text" value="${value}"></td></tr>
    </table></div>
    <div class="modal-footer"><button type="button">Annuler</button><button type="submit" class="btn btn-primary">Confirmer</button></div>
    </form></div></div>`;
}

/** Lets the observer's microtask and Preact's renders run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Running {
  assistant: Assistant;
  controller: AbortController;
  errors: unknown[][];
}

export function start(
  options: { settings?: Settings; features?: readonly Feature[]; uiLanguage?: string } = {},
): Running {
  const controller = new AbortController();
  const errors: unknown[][] = [];
  const log = createErrorLog({ error: (...args: unknown[]) => errors.push(args) });
  const assistant = startAssistant({
    document,
    features: options.features ?? FEATURES,
    settings: options.settings ?? defaultSettings(),
    text: (language: LanguageOption) =>
      resolveLanguage(language, options.uiLanguage ?? 'fr-FR') === 'en' ? en : fr,
    signal: controller.signal,
    log,
  });
  const running = { assistant, controller, errors };
  started.push(running);
  return running;
}

const started: Running[] = [];

/** For `afterEach`: tears down every assistant a test started and empties the page. */
export function stopAll(): void {
  for (const running of started.splice(0)) running.controller.abort();
  document.body.innerHTML = '';
}

export { mount };

export function annotations(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('mla-licence'));
}

export function annotationFor(label: string): HTMLElement {
  const found = annotations().find((element) => element.dataset.licence === label);
  if (!found) throw new Error(`no annotation for ${label}`);
  return found;
}

export function shadowText(element: Element | null | undefined): string {
  const parts = Array.from(element?.shadowRoot?.childNodes ?? [])
    .filter((node) => node.nodeName !== 'STYLE')
    .map((node) => node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
