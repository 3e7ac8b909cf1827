/**
 * The guard against the real portal's script stack: jQuery 3.7.1 and Bootstrap 3.4.1's modal plugin
 * (both from node_modules, as the mock serves them), their delegated handlers, `$.fn.submit()` (which
 * ends in the native `form.submit()`, firing no submit event) and `.trigger('click')`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardTable, dialogMarkup, mount, type Running, settle, start, stopAll } from '../fixtures/page';

/** What the tests use of jQuery (no type package in the project). */
interface JQ {
  (selector: string | Document | Element): JQ;
  on(events: string, selector: string, handler: (event: Event) => unknown): JQ;
  on(events: string, handler: (event: Event) => unknown): JQ;
  off(events?: string): JQ;
  submit(): JQ;
  trigger(event: string): JQ;
  modal(action: string): JQ;
}

let $: JQ;
beforeAll(() => {
  $ = createRequire(import.meta.url)('jquery') as JQ;
  // Bootstrap 3's plugins are scripts that expect a global jQuery.
  const source = readFileSync('node_modules/bootstrap/js/modal.js', 'utf8');
  new Function('jQuery', source)($);
});

let running: Running | null = null;
const posted: string[] = [];
afterEach(() => {
  // The extension never throws, whatever the page's scripts do.
  expect(running?.errors ?? []).toEqual([]);
  $(document).off();
  stopAll();
  running = null;
  posted.length = 0;
});

const input = () => document.querySelector<HTMLInputElement>('#qty') as HTMLInputElement;
const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');

/** The card's dialog, its footer as given; `value` typed in the quantity. */
async function open(footer: string, value: string): Promise<void> {
  const modal = dialogMarkup({ value }).replace(
    /<div class="modal-footer">[\s\S]*?<\/div>/,
    `<div class="modal-footer"><button type="button" class="btn btn-default" data-dismiss="modal">Annuler</button>${footer}</div>`,
  );
  mount(`${cardTable()}${modal}`);
  // happy-dom would navigate on a native submit: record it instead.
  (document.querySelector('form') as HTMLFormElement).submit = () => posted.push('form.submit()');
  running = start();
  await settle();
  expect(guard()?.getAttribute('data-max')).toBe('1');
}

function operatorClick(element: Element): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
}

describe('jQuery handlers behind the operator’s click', () => {
  it.each([
    [
      'a plain link posting by $.ajax from a handler delegated on the document',
      '<a href="#" class="js-confirm">Confirmer</a>',
      'ajax',
    ],
    [
      'a button whose handler calls $(form).submit() (no submit event)',
      '<button type="button" class="btn btn-primary js-confirm">Confirmer</button>',
      'submit',
    ],
    [
      'an icon link with only a title',
      '<a href="#" class="btn js-confirm" title="Valider"><span class="glyphicon glyphicon-ok"></span></a>',
      'ajax',
    ],
  ])('%s: nothing sent while the quantity is wrong, sent once it is right', async (_, footer, how) => {
    await open(footer, '2');
    $(document).on('click', '.js-confirm', (event) => {
      event.preventDefault();
      if (how === 'submit') $('form').submit();
      else posted.push(`ajax ${input().value}`);
    });
    operatorClick(document.querySelector('.js-confirm') as Element);
    expect(posted).toEqual([]);
    input().value = '1';
    operatorClick(document.querySelector('.js-confirm') as Element);
    expect(posted).toEqual([how === 'submit' ? 'form.submit()' : 'ajax 1']);
  });

  it('Enter in the quantity caught by a page key handler that calls $(form).submit(): stopped', async () => {
    await open('<button type="button" class="btn btn-primary js-confirm">Confirmer</button>', '2');
    $(document).on('keydown', '#qty', (event) => {
      if ((event as KeyboardEvent).key === 'Enter') $('form').submit();
    });
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(posted).toEqual([]);
  });

  // Out of an extension's reach, and documented: a page script's own `.trigger('click')` runs the
  // page's jQuery handlers itself before any event the browser dispatches. What follows it natively
  // (the button's own click, its form's submission) is still judged.
  it('a page script’s .trigger("click") on a submit button: its native submission is still stopped', async () => {
    await open('<button type="submit" class="btn btn-primary">Confirmer</button>', '2');
    let submitted = 0;
    document.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted += 1;
    });
    $('button[type=submit]').trigger('click');
    expect(submitted).toBe(0);
  });
});

describe('Bootstrap 3.4.1’s modal plugin', () => {
  // Bootstrap 3.0's documented markup; the 3.3+ plugin shows the modal without taking it off.
  it('guards a modal shown by the plugin that kept aria-hidden="true"', async () => {
    mount(
      `${cardTable()}${dialogMarkup({ value: '2' }).replace(
        'class="modal in" role="dialog" style="display:block"',
        'class="modal" id="m" tabindex="-1" role="dialog" aria-hidden="true"',
      )}`,
    );
    document.head.innerHTML = '<style>.modal{display:none}</style>';
    running = start();
    await settle();
    expect(guard()).toBeNull();
    $('#m').modal('show');
    await settle();
    expect(document.querySelector('#m')?.getAttribute('aria-hidden')).toBe('true');
    expect(guard()?.getAttribute('data-valid')).toBe('false');
    $('#m').modal('hide');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(guard()).toBeNull();
    document.head.innerHTML = '';
  });
});
