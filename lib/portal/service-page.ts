/**
 * Where a service page's Détails content comes from, for the audit that reads it off-screen: the tab
 * labelled "Détails" either links to a page of its own, or shows a pane that is already filled or that
 * the page's script loads ("Chargement...") from an address the pane (or the tab) carries in a data
 * attribute. Nothing here knows the portal's URL shapes: the addresses are read off the page.
 */
import { HEADING_LABEL } from './labels';
import { LIST_COLUMNS, sameOriginUrl } from './service-list';
import { foldText } from './text';
import { visibleText } from './visibility';

export const DETAILS_TAB_LABEL = 'Détails';

export type DetailsSource =
  /** The Détails content is in this very page (a server-rendered pane). */
  | { kind: 'inline'; root: Element }
  /** The Détails content is loaded from this address (same origin). */
  | { kind: 'url'; url: string }
  /** No Détails tab, or one whose content cannot be located without running the page. */
  | { kind: 'none' };

/** The tab (or link) whose visible text is "Détails". */
export function findDetailsTab(root: ParentNode): HTMLElement | null {
  const wanted = foldText(DETAILS_TAB_LABEL);
  const candidates = Array.from(root.querySelectorAll<HTMLElement>('[role="tab"], a[href], button'));
  return candidates.find((element) => foldText(visibleText(element)) === wanted) ?? null;
}

/** A same-origin address held by a `data-*` attribute of `element` (`data-src`, `data-url`, `data-remote`…). */
function loaderAddress(element: Element, base: string): string | null {
  for (const attribute of Array.from(element.attributes)) {
    if (!attribute.name.startsWith('data-')) continue;
    const value = attribute.value.trim();
    if (!/^(?:\/|https?:\/\/|\.\.?\/)/.test(value)) continue;
    const url = sameOriginUrl(value, base);
    if (url) return url;
  }
  return null;
}

/** The pane a tab shows: `aria-controls`, else the `#id` of its link. */
function paneOf(tab: HTMLElement, root: Document): Element | null {
  const ids = [tab.getAttribute('aria-controls'), (tab.getAttribute('href') ?? '').replace(/^#/, '')];
  const href = tab.getAttribute('href') ?? '';
  for (const id of ids) {
    if (!id || (id === ids[1] && !href.startsWith('#'))) continue;
    const pane = root.getElementById(id);
    if (pane) return pane;
  }
  return null;
}

function holdsLicenceHeading(element: Element): boolean {
  return foldText(element.textContent ?? '').includes(foldText(HEADING_LABEL));
}

export function findDetailsSource(root: Document, pageUrl: string): DetailsSource {
  const tab = findDetailsTab(root);
  if (!tab) return { kind: 'none' };
  const href = tab.getAttribute('href');
  if (href && !href.startsWith('#')) {
    const url = sameOriginUrl(href, pageUrl);
    // A tab that is a link to a page of its own (`?tab=details`, `/details`…): that page holds it.
    return url ? { kind: 'url', url } : { kind: 'none' };
  }
  const pane = paneOf(tab, root);
  if (pane) {
    const url = loaderAddress(pane, pageUrl);
    if (url) return { kind: 'url', url };
    if (holdsLicenceHeading(pane)) return { kind: 'inline', root: pane };
  }
  const fromTab = loaderAddress(tab, pageUrl);
  if (fromTab) return { kind: 'url', url: fromTab };
  return pane && holdsLicenceHeading(pane) ? { kind: 'inline', root: pane } : { kind: 'none' };
}

/**
 * Whether a page is a login form (a visible password field): what the portal shows instead of the
 * page asked for once the session has expired.
 */
export function isLoginPage(root: Document): boolean {
  return Array.from(root.querySelectorAll('input[type="password"]')).some(
    (input) => !input.closest('[hidden]') && input.getAttribute('type') === 'password',
  );
}

/**
 * The service reference a service page shows beside its label "Réf. du service" (a label cell and its
 * value cell, or a `dt`/`dd` pair), or null when the page shows none: then nothing can be checked.
 * Used to refuse the page of another service (a portal that redirects, or serves a stale page).
 */
export function shownServiceRef(root: ParentNode): string | null {
  const wanted = foldText(LIST_COLUMNS.ref);
  for (const label of Array.from(root.querySelectorAll('td, th, dt'))) {
    if (foldText(visibleText(label)).replace(/\s*:$/, '') !== wanted) continue;
    const value = label.nextElementSibling;
    // A header cell beside it: a table's column headers, not a label and its value.
    if (value && value.tagName !== 'TH') return visibleText(value);
  }
  return null;
}

/** Whether two references name the same service (spaces and case aside). */
export function sameServiceRef(a: string, b: string): boolean {
  return foldText(a).replace(/\s+/g, '') === foldText(b).replace(/\s+/g, '');
}

/**
 * Whether an answer's markup stopped before its end (a server error mid-render, a cut connection): a
 * table opened and never closed, or a document begun and not finished. Parsing would close them
 * silently and the licences after the cut would simply be missing: such an answer is never judged.
 */
export function looksTruncated(markup: string): boolean {
  const text = markup.replace(/<!--[\s\S]*?(?:-->|$)|<script\b[\s\S]*?<\/script>/gi, '');
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  if (count(/<table\b/gi) > count(/<\/table\s*>/gi)) return true;
  return /<html\b/i.test(text) && !/<\/html\s*>/i.test(text);
}
