/**
 * "Auditer les licences" next to the filters of Paramétrage / Monitoring (found by its heading and
 * its filter form's "Type de service" label): opens the audit page for this list. The count of
 * services and requests, and the confirmation, are on the audit page. Kept tiny: it is the services
 * list's own injected script (entrypoints/audit-start.ts), never in the Détails tab's assistant; the
 * audit's own code is in neither.
 */
import { browser } from 'wxt/browser';
import { OPEN_AUDIT } from '../audit/messages';
import type { PageText } from '../i18n/page-messages';
import { SERVICES_LIST_HEADING } from '../portal/labels';
import { foldText } from '../portal/text';

export const AUDIT_START_TAG = 'mla-audit-start';

const has = (root: ParentNode, selector: string, folded: string) =>
  Array.from(root.querySelectorAll(selector)).some(
    (element) => foldText(element.textContent ?? '') === folded,
  );

export function mountAuditStart(document: Document, text: () => PageText, signal: AbortSignal): void {
  if (!has(document, 'h1,h2,h3', foldText(SERVICES_LIST_HEADING))) return;
  // The filter form itself is checked (GET, never submitted) by the audit page.
  const form = Array.from(document.forms).find((candidate) => has(candidate, 'label', 'type de service'));
  if (!form || document.querySelector(AUDIT_START_TAG)) return;
  const host = document.createElement(AUDIT_START_TAG);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text().t('auditStartButton');
  button.onclick = () => void browser.runtime.sendMessage({ type: OPEN_AUDIT }).catch(() => undefined);
  host.attachShadow({ mode: 'open' }).append(button);
  (form.querySelector('[type="submit"]')?.parentElement ?? form).append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
}
