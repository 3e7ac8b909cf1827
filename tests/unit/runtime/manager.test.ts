import { afterEach, describe, expect, it } from 'vitest';
import { FEATURES } from '../../../lib/features';
import type { Feature } from '../../../lib/runtime/feature';
import { createErrorLog, LOG_PREFIX } from '../../../lib/runtime/log';
import { defaultSettings } from '../../../lib/settings/settings';
import {
  annotationFor,
  annotations,
  cardTable,
  mount,
  type Running,
  settle,
  shadowText,
  start,
  stopAll,
} from '../fixtures/page';

let running: Running | null = null;
afterEach(stopAll);

const failing: Feature = {
  id: 'summary',
  init: () => ({
    update() {
      throw new Error('boom');
    },
    destroy() {},
  }),
};

describe('feature manager', () => {
  it('isolates a failing feature: the others run, the error is logged once, nothing reaches the page', async () => {
    mount(cardTable());
    running = start({ features: [FEATURES[0] as Feature, failing] });
    running.assistant.refresh();
    (document.querySelector('td') as HTMLElement).append(' ');
    await settle();
    expect(annotations()).toHaveLength(8);
    expect(running.errors).toHaveLength(1);
    expect(running.errors[0]?.slice(0, 2)).toEqual(['[MetaCentrex Licence Assistant]', 'summary:']);
  });

  it('logs with the extension prefix, once per place', () => {
    const lines: unknown[][] = [];
    const log = createErrorLog({ error: (...args: unknown[]) => lines.push(args) });
    log('guard', new Error('a'));
    log('guard', new Error('b'));
    log('summary', new Error('c'));
    expect(lines).toHaveLength(2);
    expect(lines[0]?.[0]).toBe(LOG_PREFIX);
    expect(LOG_PREFIX).toBe('[MetaCentrex Licence Assistant]');
  });

  it('switches features off and on live, removing and restoring their elements', () => {
    mount(cardTable());
    running = start();
    const settings = defaultSettings();
    settings.features.annotations = false;
    settings.features.summary = false;
    running.assistant.setSettings(settings);
    expect(annotations()).toHaveLength(0);
    expect(document.querySelector('mla-summary')).toBeNull();
    expect(document.querySelectorAll('mla-sda-flag')).toHaveLength(7);
    settings.features.annotations = true;
    running.assistant.setSettings({ ...settings });
    expect(annotations()).toHaveLength(8);
    // Re-enabled annotations go before the flags, right after the label.
    const full = annotationFor('Licence simple');
    expect(full.nextElementSibling?.localName).toBe('mla-sda-flag');
  });

  it('switches language live, and auto follows the browser (French unless English)', () => {
    mount(cardTable());
    running = start({ uiLanguage: 'en-GB' });
    expect(shadowText(annotationFor('Licence full'))).toContain('1 terminable');
    running.assistant.setSettings({ ...defaultSettings(), language: 'fr' });
    expect(shadowText(annotationFor('Licence full'))).toContain('1 résiliable');
    running.controller.abort();
    running = start({ uiLanguage: 'de-DE' });
    expect(shadowText(annotationFor('Licence full'))).toContain('1 résiliable');
  });

  it('answers the popup with the last verdict, the one the features show, without reading again', async () => {
    mount(cardTable());
    running = start();
    const status = running.assistant.status();
    expect(status.recognised).toBe(true);
    expect(status.licences).toHaveLength(8);
    expect(status.summary).toEqual({ terminableTotal: 1, sdaLinkedTotal: 7, unknownCount: 0 });
    document.body.innerHTML = '<p>Rien</p>';
    // Not re-read on the question: the verdict changes with the page's next reading.
    expect(running.assistant.status()).toEqual(status);
    await settle();
    expect(running.assistant.status()).toMatchObject({
      recognised: false,
      reason: 'no-licence-block',
      licences: [],
    });
  });

  it('re-reads the page for relevant changes only, never for its own', async () => {
    mount(`${cardTable()}<div id="noise"></div>`);
    let updates = 0;
    const counting: Feature = {
      id: 'guard',
      init: () => ({
        update() {
          updates += 1;
        },
        destroy() {},
      }),
    };
    running = start({ features: [...FEATURES.slice(0, 3), counting] });
    expect(updates).toBe(1);
    const noise = document.getElementById('noise') as HTMLElement;
    for (let i = 0; i < 1000; i += 1) noise.append(document.createElement('span'));
    noise.className = 'busy';
    await settle();
    expect(updates).toBe(1);
    (document.querySelector('td:nth-child(2)') as HTMLElement).textContent = '1 / 1';
    await settle();
    expect(updates).toBe(2);
  });
});
