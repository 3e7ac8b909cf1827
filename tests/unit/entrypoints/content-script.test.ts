import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/portal.content';
import { STATUS_REQUEST } from '../../../lib/features/page-status';
import { PORTAL_HOST_MATCHES } from '../../../lib/hosts';
import { defaultSettings, SETTINGS_KEY } from '../../../lib/settings/settings';
import { cardTable, mount, settle } from '../features/page';

let context: ContentScriptContext | null = null;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  context?.notifyInvalidated();
  context = null;
  document.body.innerHTML = '';
});

async function runContentScript() {
  context = new ContentScriptContext('portal');
  await contentScript.main(context);
}

describe('portal content script', () => {
  it('runs at document_idle on the portal hosts', () => {
    expect(contentScript.matches).toEqual(PORTAL_HOST_MATCHES);
    expect(contentScript.runAt).toBe('document_idle');
  });

  it('annotates the page and answers the popup with the page status', async () => {
    mount(cardTable());
    await runContentScript();
    expect(document.querySelectorAll('mla-licence')).toHaveLength(8);
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
    await expect(fakeBrowser.runtime.sendMessage({ type: STATUS_REQUEST })).rejects.toThrow();
  });
});
