/**
 * The memory of a termination sent, attacked: two licences terminated in a row through the one dialog
 * element the portal reuses, a row's count re-rendered through an unreadable step back to the count it
 * had, another service's Détails swapped in without a reload. Never an old maximum back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { annotationFor, CARD_ROWS, cardTable, dialogMarkup, settle, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const modal = () => document.querySelector('[role="dialog"]') as HTMLElement;
const quantity = () => document.getElementById('qty') as HTMLInputElement;
const countCell = (label: string) => annotationFor(label).closest('tr')?.cells[1] as HTMLTableCellElement;
const confirm = () =>
  Array.from(document.querySelectorAll('button')).find(
    (button) => button.textContent === 'Confirmer',
  ) as HTMLButtonElement;
const clickConfirm = () => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  confirm().dispatchEvent(event);
  return event.defaultPrevented;
};
const type = (value: string) => {
  quantity().value = value;
  quantity().dispatchEvent(new Event('input', { bubbles: true }));
};
const hide = () => {
  modal().className = 'modal';
  modal().style.display = 'none';
};
/** The same element shown again for `licence` (its title and quantities replaced, as the portal does). */
const showFor = (licence: string, subscribed: number, active: number) => {
  modal().outerHTML = dialogMarkup({
    title: `Résiliation licence ${licence}`,
    subscribed: String(subscribed),
    active: String(active),
  });
};
/** Full 0 / 3 and simple 0 / 2: both terminable. */
const rows = cardTable(
  CARD_ROWS.map((row) =>
    row.label === 'Licence full'
      ? { ...row, active: 0, subscribed: 3 }
      : row.label === 'Licence simple'
        ? { ...row, active: 0, subscribed: 2 }
        : row,
  ),
);
const open = () => {
  document.body.innerHTML = `${rows}${dialogMarkup({ subscribed: '3', active: '0' })}`;
  document.addEventListener('submit', (event) => event.preventDefault());
  return start();
};
const sendAndClose = async (value: string) => {
  type(value);
  expect(clickConfirm()).toBe(false);
  hide();
  await settle();
};

describe('two licences terminated in a row through one dialog element', () => {
  it('the second does not make the first licence’s row forget its termination', async () => {
    open();
    await settle();
    await sendAndClose('1');
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    // The portal reuses its one modal element: retitled, refilled, shown again.
    const dialog = modal();
    dialog.querySelector('h4')!.textContent = 'Résiliation licence simple';
    dialog.querySelectorAll('td')[1]!.textContent = '2';
    dialog.querySelectorAll('td')[3]!.textContent = '0';
    dialog.className = 'modal in';
    dialog.style.display = 'block';
    await settle();
    expect(guard()?.dataset.max).toBe('2');
    await sendAndClose('1');
    expect(annotationFor('Licence simple').dataset.state).toBe('unknown');
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    // Full again, in the same element: still bounded by what remains after its first termination.
    dialog.querySelector('h4')!.textContent = 'Résiliation licence full';
    dialog.querySelectorAll('td')[1]!.textContent = '3';
    dialog.className = 'modal in';
    dialog.style.display = 'block';
    await settle();
    type('3');
    expect(clickConfirm()).toBe(true);
  });
});

describe('a row re-rendered through an unreadable step, back to the count it had', () => {
  it.each([
    ['emptied', ''],
    ['« Chargement... »', 'Chargement...'],
    ['its active part only', '0 / '],
  ])('%s, then 0 / 3 again: still in doubt, never 3 terminable', async (_how, step) => {
    open();
    await settle();
    await sendAndClose('1');
    countCell('Licence full').textContent = step;
    await settle();
    countCell('Licence full').textContent = '0 / 3';
    await settle();
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    showFor('full', 3, 0);
    await settle();
    type('3');
    expect(clickConfirm()).toBe(true);
  });
});

describe('the portal refused the termination in a message of its own and closed the dialog', () => {
  it('reopened: the maximum is unknown, never claimed checked, and the guard says to reload', async () => {
    document.body.innerHTML = `${cardTable()}${dialogMarkup()}`;
    document.addEventListener('submit', (event) => event.preventDefault());
    start();
    await settle();
    await sendAndClose('1');
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<div class="alert alert-danger">Erreur : la résiliation a été refusée.</div>',
    );
    modal().className = 'modal in';
    modal().style.display = 'block';
    await settle();
    expect(guard()?.dataset.state).toBe('unknown');
    expect(guard()?.dataset.valid).toBeUndefined();
    // 1 is refused (what remains after the send, if it was taken): the operator is told how to end the doubt.
    expect(clickConfirm()).toBe(true);
    expect(guard()?.shadowRoot?.textContent).toContain('rechargez la page');
  });
});

/** Another service's Détails swapped in at `url` without a reload: the card, Licence full at `full`. */
async function showServiceAt(url: string, full: [number, number]): Promise<void> {
  history.pushState(null, '', url);
  (document.querySelector('.panel.licences') as HTMLElement).outerHTML = cardTable(
    CARD_ROWS.map((row) =>
      row.label === 'Licence full' ? { ...row, active: full[0], subscribed: full[1] } : row,
    ),
  );
  await settle();
}

describe('another service’s Détails swapped in without a reload (its address changed)', () => {
  const serviceA = location.pathname;
  afterEach(() => history.replaceState(null, '', serviceA));
  const swapTo = (path: string, full: [number, number]) => showServiceAt(path, full);

  it('the other service’s counts do not end the first one’s doubt (its row alike is in doubt too)', async () => {
    history.replaceState(null, '', '/services/A/details');
    open();
    await settle();
    await sendAndClose('1');
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    // Service B, the same count: the address names no service (the same one may show at another
    // address), so the doubt follows the row — a false doubt, the reload ends it, never a wrong maximum.
    await swapTo('/services/B/details', [0, 3]);
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    // Service B with another count: read as it shows, and it must not end service A's doubt…
    await swapTo('/services/B/details', [1, 2]);
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'terminable', terminable: '1' });
    // …back on A, its row still at the count it had (the portal shows it until a reload): in doubt.
    await swapTo('/services/A/details', [0, 3]);
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
  });
});

/**
 * The address is no name of the service: tabs, filters, a cache-buster, a tracking parameter, a flag the
 * portal adds after a termination (`history.replaceState`), a trailing slash, a routed modal all change it
 * while the row on show is the same one, still at the count it had. The doubt must follow the row.
 */
describe('the same service at another address (query, slash, route): the doubt stays', () => {
  const original = location.pathname;
  afterEach(() => history.replaceState(null, '', original));
  const cases: [string, string, string][] = [
    [
      'a tab in the query, then back with another parameter',
      '/s/A?onglet=details',
      '/s/A?onglet=details&_=2',
    ],
    ['a cache-buster', '/s/A?_=123', '/s/A?_=456'],
    ['a flag added after the termination', '/s/A', '/s/A?success=1'],
    ['a tracking parameter', '/s/A?tab=2', '/s/A?tab=2&utm_source=mail'],
    ['a trailing slash', '/s/A/details', '/s/A/details/'],
    ['another case', '/s/A/details', '/S/a/Details'],
    ['a routed modal, closed back to the tab', '/s/A/details/resiliation', '/s/A/details'],
  ];
  it.each(cases)('%s (%s → %s): the row in doubt, 3 refused when reopened', async (_how, at, after) => {
    history.replaceState(null, '', at);
    open();
    await settle();
    await sendAndClose('1');
    history.replaceState(null, '', after);
    showFor('full', 3, 0);
    await settle();
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    expect(guard()?.dataset.state).toBe('unknown');
    type('3');
    expect(clickConfirm()).toBe(true);
    type('2');
    expect(clickConfirm()).toBe(false);
  });

  it('a second termination sent at the new address adds up with the first (0 / 3, 1 then 1: 2 refused)', async () => {
    history.replaceState(null, '', '/s/A');
    open();
    await settle();
    await sendAndClose('1');
    history.replaceState(null, '', '/s/A?success=1');
    showFor('full', 3, 0);
    await settle();
    await sendAndClose('1');
    history.replaceState(null, '', '/s/A?success=1&_=2');
    showFor('full', 3, 0);
    await settle();
    type('2');
    expect(clickConfirm()).toBe(true);
    type('1');
    expect(clickConfirm()).toBe(false);
  });

  it('services told apart by the query only: another one’s count does not end the first one’s doubt', async () => {
    const swapTo = async (address: string, full: [number, number]) => {
      history.pushState(null, '', address);
      (document.querySelector('.panel.licences') as HTMLElement).outerHTML = cardTable(
        CARD_ROWS.map((row) =>
          row.label === 'Licence full' ? { ...row, active: full[0], subscribed: full[1] } : row,
        ),
      );
      await settle();
    };
    history.replaceState(null, '', '/service?id=A');
    open();
    await settle();
    await sendAndClose('1');
    await swapTo('/service?id=B', [1, 2]);
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'terminable', terminable: '1' });
    await swapTo('/service?id=A', [0, 3]);
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
  });
});

describe('a second start in the same world (a re-injection, two detectors racing)', () => {
  it('takes over the memory: the row still at its count stays in doubt, 3 refused', async () => {
    open();
    await settle();
    await sendAndClose('1');
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    start();
    await settle();
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    showFor('full', 3, 0);
    await settle();
    type('3');
    expect(clickConfirm()).toBe(true);
  });

  it('a copy stopped by its extension (updated, removed) hands nothing to the next start of the page', async () => {
    const first = open();
    await settle();
    await sendAndClose('1');
    first.controller.abort();
    document.body.innerHTML = `${rows}${dialogMarkup({ subscribed: '3', active: '0' })}`;
    start();
    await settle();
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'terminable', terminable: '3' });
  });
});

describe('two dialogs open at once, one per licence', () => {
  const twoDialogs = `<div class="modal in" role="dialog" id="d-full" style="display:block"><h4>Résiliation licence full</h4>
    <form><p>Quantité souscrite : 3</p><p>Quantité active : 0</p>
    <p><label for="q-full">Quantité à résilier</label> <input id="q-full" value="1"></p>
    <button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>
    <div class="modal in" role="dialog" id="d-simple" style="display:block"><h4>Résiliation licence simple</h4>
    <form><p>Quantité souscrite : 2</p><p>Quantité active : 0</p>
    <p><label for="q-simple">Quantité à résilier</label> <input id="q-simple" value="1"></p>
    <button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`;
  const inDialog = (id: string) => document.getElementById(id) as HTMLElement;
  const sendFrom = (id: string, value: string) => {
    const input = inDialog(id).querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const button = Array.from(inDialog(id).querySelectorAll('button')).find(
      (candidate) => candidate.textContent === 'Confirmer',
    ) as HTMLButtonElement;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    button.dispatchEvent(event);
    return event.defaultPrevented;
  };
  const setShown = (id: string, shown: boolean) => {
    inDialog(id).className = shown ? 'modal in' : 'modal';
    inDialog(id).style.display = shown ? 'block' : 'none';
  };

  it('each keeps its own memory: one sent and closed leaves the other’s maximum, both in doubt after', async () => {
    document.body.innerHTML = `${rows}${twoDialogs}`;
    document.addEventListener('submit', (event) => event.preventDefault());
    start();
    await settle();
    expect(sendFrom('d-full', '1')).toBe(false);
    setShown('d-full', false);
    await settle();
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    expect(annotationFor('Licence simple').dataset).toMatchObject({ state: 'terminable', terminable: '2' });
    expect(sendFrom('d-simple', '2')).toBe(false);
    setShown('d-simple', false);
    await settle();
    setShown('d-full', true);
    setShown('d-simple', true);
    await settle();
    expect(sendFrom('d-full', '3')).toBe(true);
    expect(sendFrom('d-simple', '1')).toBe(true);
    expect(sendFrom('d-full', '2')).toBe(false);
  });
});

describe('the row re-rendered as a new element with the same count text', () => {
  it('after a termination: still in doubt, and the dialog opened again (a new element too) gives no old maximum', async () => {
    open();
    await settle();
    await sendAndClose('1');
    // The framework renders the whole block anew: new elements, the same texts.
    const block = document.querySelector('.panel.licences') as HTMLElement;
    block.outerHTML = rows;
    modal().remove();
    await settle();
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    document.body.insertAdjacentHTML('beforeend', dialogMarkup({ subscribed: '3', active: '0' }));
    await settle();
    expect(guard()?.dataset.state).toBe('unknown');
    type('3');
    expect(clickConfirm()).toBe(true);
    expect(guard()?.shadowRoot?.textContent).toContain('rechargez la page');
  });
});

describe('services swapped without the address changing (a hash router: only the fragment changes)', () => {
  const original = location.pathname;
  afterEach(() => history.replaceState(null, '', original));
  const swapTo = (hash: string, full: [number, number]) => showServiceAt(`/portail${hash}`, full);

  it('another service’s count does not end the first one’s doubt: back on it, still at its count, in doubt', async () => {
    history.replaceState(null, '', '/portail#/services/A');
    open();
    await settle();
    await sendAndClose('1');
    await swapTo('#/services/B', [1, 2]);
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'terminable', terminable: '1' });
    await swapTo('#/services/A', [0, 3]);
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    showFor('full', 3, 0);
    await settle();
    type('3');
    expect(clickConfirm()).toBe(true);
  });

  it('nor does a termination sent on the other service from another count', async () => {
    history.replaceState(null, '', '/portail#/services/A');
    open();
    await settle();
    await sendAndClose('1');
    await swapTo('#/services/B', [1, 2]);
    showFor('full', 2, 1);
    await settle();
    await sendAndClose('1');
    await swapTo('#/services/A', [0, 3]);
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
  });
});

describe('the page restored from the back/forward cache after a termination', () => {
  it('keeps the memory (the page and its script are restored as they were): still in doubt', async () => {
    open();
    await settle();
    await sendAndClose('1');
    window.dispatchEvent(new Event('pagehide'));
    const shown = new Event('pageshow');
    Object.defineProperty(shown, 'persisted', { value: true });
    window.dispatchEvent(shown);
    await settle();
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
  });
});

describe('the page answers in the dialog, which stays open with its fields, then the operator closes it', () => {
  const answerAndCancel = async (answer: string) => {
    open();
    await settle();
    type('1');
    expect(clickConfirm()).toBe(false);
    modal()
      .querySelector('.modal-body')
      ?.insertAdjacentHTML('afterbegin', `<div role="alert">${answer}</div>`);
    await settle();
    // Annuler (or Fermer, ×, Escape): a cancel, as far as the guard can tell.
    const cancel = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Annuler');
    cancel?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    hide();
    await settle();
  };

  it.each([
    ['a success', 'La résiliation a bien été prise en compte.'],
    ['a message the extension does not know', 'Votre demande est enregistrée.'],
    // The page's error template, inserted but hidden: no refusal the operator sees.
    [
      'a success beside a hidden error template',
      'C’est fait.<span hidden>Erreur : la résiliation a été refusée.</span>',
    ],
  ])('%s: the row still at its count is in doubt (the termination may be taken)', async (_how, answer) => {
    await answerAndCancel(answer);
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
  });

  it.each([
    ['an error', 'Une erreur technique est survenue.'],
    ['a refusal', 'Résiliation refusée : quantité invalide.'],
    ['« impossible »', 'Impossible de résilier cette licence.'],
  ])('%s: the termination was not taken, the row is known again', async (_how, answer) => {
    await answerAndCancel(answer);
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'terminable', terminable: '3' });
  });

  it('cancelled before any answer (a send maybe in flight): in doubt', async () => {
    await answerAndCancel('');
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
  });
});
