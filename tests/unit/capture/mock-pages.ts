/**
 * The mocked portal's pages as a browser shows them once their script ran: the Détails pane filled
 * with its fragment, a termination dialog open over it, the Numéros pane… (the fragments come from
 * the same handlers). Each loaded into a happy-dom window of its own, scripts and CSS files off.
 */
import { Window } from 'happy-dom';
import { CARD_SERVICE, type ScenarioName } from '../../../mocks/data/scenarios';
import type { Portal, VariantName } from '../../../mocks/portal';
import { call, signedIn } from '../mocks/helpers';

export function load(markup: string, url = 'https://demo.extranet.myopenip.fr/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  window.document.write(markup);
  return window.document as unknown as Document;
}

async function body(portal: Portal, cookie: string, path: string, xhr = false): Promise<string> {
  const response = await call(portal, path, { cookie, xhr });
  return response.text();
}

/** Puts a fragment where the portal's script would (a pane, a dialog's content). */
function fill(document: Document, selector: string, markup: string): void {
  const target = document.querySelector(selector);
  if (!target) throw new Error(`no ${selector}`);
  const template = document.createElement('template');
  template.innerHTML = markup;
  target.replaceChildren(template.content);
}

function showTab(document: Document, id: string): void {
  for (const pane of Array.from(document.querySelectorAll('.tab-pane')))
    pane.classList.toggle('active', pane.id === id);
}

export interface MockPage {
  name: string;
  document: Document;
}

export async function mockPages(
  scenario: ScenarioName = 'carte',
  options: { malformed?: boolean; ref?: string; variants?: readonly VariantName[] } = {},
): Promise<MockPage[]> {
  const { portal, cookie } = await signedIn(scenario);
  if (options.malformed) portal.setFaults({ malformedDetails: true });
  if (options.variants) portal.setVariants(options.variants);
  const pages: MockPage[] = [];
  const general = async () => {
    pages.push({ name: 'Services', document: load(await body(portal, cookie, '/services')) });
    pages.push({ name: 'Accueil', document: load(await body(portal, cookie, '/')) });
    pages.push({ name: 'Connexion', document: load(await body(portal, '', '/login')) });
    return pages;
  };
  const ref = options.ref ?? (portal.store.getService(CARD_SERVICE.ref) ? CARD_SERVICE.ref : null);
  if (ref === null) return general();
  const base = `/services/${encodeURIComponent(ref)}`;
  const details = async () => {
    const document = load(await body(portal, cookie, `${base}?tab=details`));
    fill(document, '#details', await body(portal, cookie, `${base}/details`, true));
    showTab(document, 'details');
    return document;
  };
  pages.push({ name: 'Détails', document: await details() });
  const withDialog = await details();
  fill(
    withDialog,
    '#termination-modal .modal-content',
    await body(portal, cookie, `${base}/licences/licence-full/resiliation`, true),
  );
  const modal = withDialog.querySelector('#termination-modal') as HTMLElement;
  modal.classList.add('in');
  modal.setAttribute('style', 'display: block;');
  modal.setAttribute('aria-modal', 'true');
  pages.push({ name: 'Détails + dialogue de résiliation', document: withDialog });
  if (options.malformed) return pages;
  const numbers = load(await body(portal, cookie, `${base}?tab=numeros`));
  fill(numbers, '#numeros', await body(portal, cookie, `${base}/numeros`, true));
  showTab(numbers, 'numeros');
  pages.push({ name: 'Numéros', document: numbers });
  pages.push({ name: 'Informations', document: load(await body(portal, cookie, base)) });
  return general();
}
