// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { filterFormAddress, readServiceList } from '../../../lib/portal/service-list';
import { findDetailsSource, isLoginPage } from '../../../lib/portal/service-page';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import { call, ORIGIN, parse, signedIn } from '../mocks/helpers';

async function fetched(path: string, scenario: Parameters<typeof signedIn>[0] = 'carte') {
  const { portal, cookie } = await signedIn(scenario);
  const response = await call(portal, path, { cookie });
  return { portal, doc: parse(await response.text()), url: new URL(path, ORIGIN).href };
}

const LIST_HEAD = `<h1>Paramétrage / Monitoring</h1>`;
const HEADERS = [
  'Réf. du service',
  'Nom du service',
  'Client',
  'Compte client',
  'Site',
  'Type de service',
  'État du service',
  'Action',
];
function table(rows: string[][], headers = HEADERS): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
const row = (ref: string, type = 'MetaCentrex', link = `<a href="/x/${ref}">Paramétrer &gt;</a>`) => [
  ref,
  `Nom ${ref}`,
  'Client A',
  'CC-1',
  'Site 1',
  type,
  'Actif',
  link,
];

describe('the services list, on the mock', () => {
  it('reads every MetaCentrex row of the first page with its Paramétrer link, and the next page', async () => {
    const { portal, doc, url } = await fetched('/services', 'grand-compte');
    const page = readServiceList(doc, url);
    expect(page).not.toBeNull();
    const all = portal.store.listServices({}, 1, 25).items;
    const metacentrex = all.filter((service) => service.type === 'MetaCentrex');
    expect(page?.services.map((service) => service.ref)).toEqual(metacentrex.map((service) => service.ref));
    expect(page?.skipped).toBe(all.length - metacentrex.length);
    const first = page?.services[0];
    expect(first?.url).toBe(`${ORIGIN}/services/${encodeURIComponent(first?.ref ?? '')}`);
    expect(first?.name).toBe(metacentrex[0]?.name);
    expect(first?.site).toBe(metacentrex[0]?.site);
    expect(page?.next).toBe(`${ORIGIN}/services?page=2`);
    expect(page?.pages?.current).toBe(1);
    expect(page?.total).toBe(portal.store.listServices({}, 1, 25).total);
  });

  it('has no next page on the last page', async () => {
    const { doc, url } = await fetched('/services', 'carte');
    expect(readServiceList(doc, url)?.next).toBeNull();
  });

  it('turns the filter form into its GET address, narrowed to MetaCentrex when the type is "Tous"', async () => {
    const { doc, url } = await fetched('/services?client=Dupont', 'carte');
    const address = filterFormAddress(doc, url);
    expect(address).toEqual({
      kind: 'ok',
      url: `${ORIGIN}/services?client=Dupont&service=&type=MetaCentrex&etat=`,
      narrowedToMetaCentrex: true,
    });
  });

  it('finds the Détails loader of the service page the way its script loads it', async () => {
    const path = `/services/${CARD_SERVICE.ref}`;
    const { doc, url } = await fetched(path);
    expect(findDetailsSource(doc, url)).toEqual({ kind: 'url', url: `${ORIGIN}${path}/details` });
  });

  it('recognises the login page', async () => {
    const { portal } = await signedIn('carte');
    const response = await call(portal, '/login');
    expect(isLoginPage(parse(await response.text()))).toBe(true);
    const { doc } = await fetched('/services');
    expect(isLoginPage(doc)).toBe(false);
  });
});

describe('the services list, other markups around the same labels', () => {
  const base = 'https://p.example/liste';
  it.each([
    ['Suivant', true],
    ['Page suivante', true],
    ['»', true],
    ['Précédent', false],
  ])('a pagination link reading %s is a next link: %s', (text, isNext) => {
    const doc = parse(`${LIST_HEAD}${table([row('MC-1')])}<nav><a href="/liste?p=2">${text}</a></nav>`);
    expect(readServiceList(doc, base)?.next).toBe(isNext ? 'https://p.example/liste?p=2' : null);
  });

  it('a disabled next link, or one to another site, is no next page', () => {
    const disabled = parse(
      `${LIST_HEAD}${table([row('MC-1')])}<ul><li class="disabled"><a href="/liste?p=2">Suivant</a></li></ul>`,
    );
    expect(readServiceList(disabled, base)?.next).toBeNull();
    const foreign = parse(`${LIST_HEAD}${table([row('MC-1')])}<a href="https://evil.example/p2">Suivant</a>`);
    expect(readServiceList(foreign, base)?.next).toBeNull();
  });

  it('a list without pagination is one page', () => {
    const doc = parse(`${LIST_HEAD}${table([row('MC-1'), row('MC-2')])}`);
    const page = readServiceList(doc, base);
    expect(page?.services.map((service) => service.ref)).toEqual(['MC-1', 'MC-2']);
    expect(page?.next).toBeNull();
  });

  it('keys on the column headers, not their order, and skips other types and rows without Paramétrer', () => {
    const headers = [
      'Type de service',
      'Site',
      'Compte client',
      'Client',
      'Nom du service',
      'Réf. du service',
      'Action',
    ];
    const cells = (ref: string, type: string, action: string) => [
      type,
      'S',
      'CC',
      'Cl',
      `N ${ref}`,
      ref,
      action,
    ];
    const doc = parse(
      `${LIST_HEAD}${table(
        [
          cells('MC-9', 'metacentrex', '<a href="/s/9"><b>Paramétrer</b> ›</a>'),
          cells('TS-1', 'Trunk SIP', '<a href="/s/1">Paramétrer</a>'),
          cells('MC-8', 'MetaCentrex', '<a href="/s/8">Voir</a>'),
        ],
        headers,
      )}`,
    );
    const page = readServiceList(doc, base);
    expect(page?.services).toEqual([
      { ref: 'MC-9', name: 'N MC-9', client: 'Cl', account: 'CC', site: 'S', url: 'https://p.example/s/9' },
    ]);
    expect(page?.skipped).toBe(2);
  });

  it('an empty result is an empty list, a page that is not the list is null', () => {
    expect(readServiceList(parse(`${LIST_HEAD}<p>Aucun service ne correspond.</p>`), base)?.services).toEqual(
      [],
    );
    expect(readServiceList(parse('<h1>Accueil</h1>'), base)).toBeNull();
  });

  it('never uses a POST filter form', () => {
    const doc = parse(
      `<form method="post"><label for="t">Type de service</label><select id="t" name="t"><option value="">Tous</option></select></form>`,
    );
    expect(filterFormAddress(doc, base)).toEqual({ kind: 'not-get' });
    expect(filterFormAddress(parse('<p>rien</p>'), base)).toEqual({ kind: 'no-form' });
  });
});

describe('the Détails source, other markups', () => {
  const base = 'https://p.example/svc/1';
  it('a tab that links to a page of its own', () => {
    const doc = parse(`<ul><li><a href="/svc/1?onglet=detail" role="tab">Détails</a></li></ul>`);
    expect(findDetailsSource(doc, base)).toEqual({
      kind: 'url',
      url: 'https://p.example/svc/1?onglet=detail',
    });
  });
  it('a pane loaded from another data attribute, found through aria-controls', () => {
    const doc = parse(
      `<a href="#" role="tab" aria-controls="p2">Details</a><div id="p2" data-url="/frag/d1">Chargement...</div>`,
    );
    expect(findDetailsSource(doc, base)).toEqual({ kind: 'url', url: 'https://p.example/frag/d1' });
  });
  it('a pane rendered with the page', () => {
    const doc = parse(
      `<a href="#d" data-toggle="tab">Détails</a><div id="d"><h2>Nombre de licences</h2></div>`,
    );
    const source = findDetailsSource(doc, base);
    expect(source.kind).toBe('inline');
  });
  it('no Détails tab, or a loader to another site', () => {
    expect(findDetailsSource(parse('<a href="#i">Informations</a>'), base)).toEqual({ kind: 'none' });
    const foreign = parse(`<a href="#d">Détails</a><div id="d" data-src="https://evil.example/d"></div>`);
    expect(findDetailsSource(foreign, base)).toEqual({ kind: 'none' });
  });
});
