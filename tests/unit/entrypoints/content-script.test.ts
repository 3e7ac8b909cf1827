import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/portal.content';
import { OPEN_AUDIT } from '../../../lib/audit/messages';
import { FEATURES } from '../../../lib/features';
import { AUDIT_START_TAG, mountAuditStart } from '../../../lib/features/audit-start';
import { PORTAL_HOST_MATCHES } from '../../../lib/hosts';
import { ALL_MESSAGES } from '../../../lib/i18n/all-messages';
import { formatMessage } from '../../../lib/i18n/format';
import { answerPageMessagesRequests } from '../../../lib/i18n/page-messages-service';
import { isLoadAssistantRequest } from '../../../lib/runtime/assistant-handoff';
import { startHandedOver } from '../../../lib/runtime/assistant-main';
import { startPageAddition } from '../../../lib/runtime/page-addition-main';
import { STATUS_REQUEST } from '../../../lib/runtime/page-status';
import { defaultSettings, SETTINGS_KEY } from '../../../lib/settings/settings';
import { annotationFor, cardTable, mount, settle, shadowText } from '../fixtures/page';

let context: ContentScriptContext | null = null;
/** The assistant the fake background "injected" (what `scripting.executeScript` runs), once asked. */
let assistant: Promise<void> | null = null;
/** The audit's start button's script, likewise (the services list only). */
let auditStart: Promise<void> | null = null;
/** Every other message the fake background got (the button's "open the audit"). */
let received: unknown[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  assistant = null;
  auditStart = null;
  received = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if (!isLoadAssistantRequest(message)) {
      received.push(message);
      return undefined;
    }
    if (message.part === 'audit-start')
      auditStart = startPageAddition(document, 'audit-start', mountAuditStart);
    else assistant = startHandedOver(document, FEATURES);
    return Promise.resolve(true);
  });
});
afterEach(() => {
  context?.notifyInvalidated();
  context = null;
  document.body.innerHTML = '';
});

/** The detector, then (when it asks, on licence content) the assistant, as the browser runs them. */
async function runContentScript() {
  context = new ContentScriptContext('portal');
  await contentScript.main(context);
  await settle();
  await assistant;
  await auditStart;
}

/** Paramétrage / Monitoring as the portal shows it: its heading and its filter form. */
const SERVICES_LIST =
  '<nav><a href="/services">Paramétrage / Monitoring</a></nav><h1>Paramétrage / Monitoring</h1>' +
  '<form method="get"><label for="t">Type de service</label><select id="t"></select>' +
  '<p><button type="submit">Filtrer</button></p></form><table><tr><td>MC-000001</td></tr></table>';

describe('portal content script', () => {
  it('starts at document_start on the portal hosts, in every frame', () => {
    expect(contentScript.matches).toEqual(PORTAL_HOST_MATCHES);
    expect(contentScript.runAt).toBe('document_start');
    expect(contentScript.allFrames).toBe(true);
  });

  it('asks for the assistant only where licence content shows, and answers the popup meanwhile', async () => {
    document.body.innerHTML = '<p>Informations générales</p>';
    await runContentScript();
    expect(assistant).toBeNull();
    expect(await fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST })).toMatchObject({
      recognised: false,
    });
    // The block arrives later (a tab loaded by the portal): the assistant comes and annotates it.
    document.body.insertAdjacentHTML('beforeend', cardTable());
    await settle();
    expect(assistant).not.toBeNull();
    await assistant;
    await vi.waitFor(() => expect(document.querySelectorAll('mla-licence')).toHaveLength(8));
  });

  it('brings the assistant as the parser adds the block, and reads nothing before the document is parsed', async () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      context = new ContentScriptContext('portal');
      await contentScript.main(context);
      await settle();
      expect(assistant).toBeNull();
      // The parser adds the heading's text: the assistant is asked for at once…
      document.body.append(document.createTextNode('Nombre de licences'));
      await settle();
      expect(assistant).not.toBeNull();
      let started = false;
      void assistant?.then(() => {
        started = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      // …and waits for the parsed document: a summary over the first rows would be a wrong number.
      expect(started).toBe(false);
      expect(document.querySelectorAll('mla-licence')).toHaveLength(0);
      mount(cardTable());
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await assistant;
      await vi.waitFor(() => expect(document.querySelectorAll('mla-licence')).toHaveLength(8));
    } finally {
      delete (document as { readyState?: unknown }).readyState;
    }
  });

  it('comes as the Détails tab is chosen, ready before its block: one assistant, the block annotated', async () => {
    mount('<p>Chargement...</p>');
    await runContentScript();
    expect(assistant).not.toBeNull();
    const first = assistant;
    await assistant;
    expect(await fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST })).toMatchObject({
      recognised: false,
      reason: 'no-licence-block',
    });
    // The pane's round trip ends: the running assistant reads and annotates it, nothing injected again.
    document.querySelector('.tab-pane')?.replaceChildren();
    document.querySelector('.tab-pane')?.insertAdjacentHTML('beforeend', cardTable());
    await settle();
    expect(assistant).toBe(first);
    await vi.waitFor(() => expect(document.querySelectorAll('mla-licence')).toHaveLength(8));
    expect(await fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST })).toMatchObject({
      recognised: true,
      summary: { terminableTotal: 1, sdaLinkedTotal: 7, unknownCount: 0 },
    });
  });

  it('annotates the page and answers the popup with the page status', async () => {
    mount(cardTable());
    await runContentScript();
    // In slices that yield to the page: the last rows may come a moment later.
    await vi.waitFor(() => expect(document.querySelectorAll('mla-licence')).toHaveLength(8));
    const answer = await fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST });
    expect(answer).toMatchObject({
      recognised: true,
      summary: { terminableTotal: 1, sdaLinkedTotal: 7, unknownCount: 0 },
    });
    expect(answer.licences.map((licence: { state: string }) => licence.state)).toEqual([
      'sda-linked',
      'terminable',
      'none',
      'sda-linked',
      'sda-linked',
      'sda-linked',
      'sda-linked',
      'sda-linked',
    ]);
  });

  it('on the services list: the audit’s button, from its own script; no assistant', async () => {
    document.body.innerHTML = SERVICES_LIST;
    await runContentScript();
    expect(assistant).toBeNull();
    expect(auditStart).not.toBeNull();
    const host = document.querySelector(AUDIT_START_TAG);
    expect(host?.parentElement?.tagName).toBe('P');
    host?.shadowRoot?.querySelector('button')?.click();
    await vi.waitFor(() => expect(received).toContainEqual({ type: OPEN_AUDIT }));
    // The detector still answers the popup (no licence block here).
    expect(await fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST })).toMatchObject({
      recognised: false,
      reason: 'no-licence-block',
    });
    // It stops with the detector's context (extension updated or removed).
    context?.notifyInvalidated();
    expect(document.querySelector(AUDIT_START_TAG)).toBeNull();
  });

  it('the button’s script injected twice into the frame adds one button', async () => {
    mount(SERVICES_LIST);
    await runContentScript();
    await startPageAddition(document, 'audit-start', mountAuditStart);
    expect(document.querySelectorAll(AUDIT_START_TAG)).toHaveLength(1);
  });

  it('answers "not recognised" on another page', async () => {
    mount('<p>Informations générales</p>');
    await runContentScript();
    expect(await fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST })).toMatchObject({
      recognised: false,
      reason: 'no-licence-block',
      licences: [],
    });
  });

  it('applies option changes live and tears everything down with its context', async () => {
    mount(cardTable());
    await runContentScript();
    const settings = defaultSettings();
    settings.features.annotations = false;
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: settings });
    await settle();
    await settle();
    expect(document.querySelectorAll('mla-licence')).toHaveLength(0);
    expect(document.querySelector('mla-summary')).not.toBeNull();
    context?.notifyInvalidated();
    expect(document.querySelectorAll('mla-licence, mla-summary, mla-sda-flag').length).toBe(0);
    // Neither the assistant nor the detector answers any more (only the fake background listens).
    expect(await fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST })).toBeUndefined();
  });

  it('speaks the language of the option: the browser’s messages, or the background’s for another', async () => {
    // An English browser: `i18n.getMessage` reads the English file.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string[]) =>
      formatMessage(
        ALL_MESSAGES.en[key as keyof typeof ALL_MESSAGES.en],
        substitutions,
      )) as typeof fakeBrowser.i18n.getMessage);
    answerPageMessagesRequests();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), language: 'fr' } });
    mount(cardTable());
    await runContentScript();
    await vi.waitFor(() => expect(shadowText(annotationFor('Licence full'))).toContain('1 résiliable'));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), language: 'en' } });
    await vi.waitFor(() => expect(shadowText(annotationFor('Licence full'))).toContain('1 terminable'));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), language: 'fr' } });
    await vi.waitFor(() => expect(shadowText(annotationFor('Licence full'))).toContain('1 résiliable'));
  });
});
