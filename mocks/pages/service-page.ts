import type { Service } from '../data/model';
import { html } from '../html/html';

export const TABS = [
  { id: 'informations', label: 'Informations' },
  { id: 'details', label: 'Détails' },
  { id: 'numeros', label: 'Numéros' },
  { id: 'historique', label: 'Historique' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

export function isTabId(value: string | null): value is TabId {
  return TABS.some((tab) => tab.id === value);
}

export function serviceBase(ref: string): string {
  return `/services/${encodeURIComponent(ref)}`;
}

function infoRow(label: string, value: string) {
  return html`<tr><td class="col-sm-6 col-md-6">${label}</td>
  <td class="col-sm-6 col-md-6"><span class="js-copyable-content">${value}</span></td></tr>`;
}

/** The document a framed Détails tab shows (variant `cadre`). */
export function detailsFrameSrc(ref: string): string {
  return `${serviceBase(ref)}/details/cadre`;
}

export interface ServicePageOptions {
  /** Variant `cadre`: the Détails tab shows its content in a same-origin frame. */
  detailsInFrame?: boolean;
  /** Variant `fenetre-sans-role`: the termination modal has no ARIA role nor name. */
  terminationWithoutRole?: boolean;
  /**
   * Variant `modale-aria-hidden`: the termination modal carries `aria-hidden="true"`, as Bootstrap 3.0's
   * documented markup did; Bootstrap 3.4.1's script shows it without taking it off.
   */
  terminationAriaHidden?: boolean;
  /**
   * Variant `sans-rafraichissement`: after a termination the page's script hides the modal and shows its
   * message but reloads no pane: the Détails counts are the old ones until the page (or the tab) is loaded again.
   */
  noRefreshAfterTermination?: boolean;
}

/**
 * The service page: Informations is rendered with the page; Détails, Numéros and Historique arrive by
 * XHR after "Chargement..." when their tab is shown, like the real portal's Détails tab. With
 * `detailsInFrame`, the page's script puts a frame showing the Détails content there instead.
 */
export function servicePage(service: Service, activeTab: TabId, options: ServicePageOptions = {}) {
  const base = serviceBase(service.ref);
  const xhrPane = (id: TabId, src: string) =>
    html`<div role="tabpanel" class="tab-pane js-xhr-pane ${activeTab === id ? 'active' : ''}" id="${id}" aria-labelledby="tab-${id}" data-src="${src}"><p class="js-loading">Chargement...</p></div>`;
  const framePane = (id: TabId, src: string) =>
    html`<div role="tabpanel" class="tab-pane js-frame-pane ${activeTab === id ? 'active' : ''}" id="${id}" aria-labelledby="tab-${id}" data-src="${src}"><p class="js-loading">Chargement...</p></div>`;
  return html`<ol class="breadcrumb"><li>Mes Services</li><li><a href="/services">Paramétrage / Monitoring</a></li><li class="active">${service.ref}</li></ol>
<h1 class="h3 service-title">${service.name} <small>${service.ref}</small></h1>
<div class="js-flash" aria-live="polite"></div>
<ul class="nav nav-tabs" role="tablist">
  ${TABS.map(
    (tab) =>
      html`<li role="presentation" class="${tab.id === activeTab ? 'active' : ''}"><a href="#${tab.id}" id="tab-${tab.id}" aria-controls="${tab.id}" role="tab" aria-selected="${tab.id === activeTab ? 'true' : 'false'}" data-toggle="tab">${tab.label}</a></li>`,
  )}
</ul>
<div class="tab-content">
  <div role="tabpanel" class="tab-pane ${activeTab === 'informations' ? 'active' : ''}" id="informations" aria-labelledby="tab-informations">
    <div class="panel panel-default"><div class="panel-heading"><h2 class="panel-title">Informations générales</h2></div>
    <table class="table"><tbody>
      ${infoRow('Réf. du service', service.ref)}
      ${infoRow('Nom du service', service.name)}
      ${infoRow('Client', service.client)}
      ${infoRow('Compte client', service.account)}
      ${infoRow('Site', service.site)}
      ${infoRow('Type de service', service.type)}
      ${infoRow('État du service', service.state)}
    </tbody></table></div>
  </div>
  ${options.detailsInFrame ? framePane('details', detailsFrameSrc(service.ref)) : xhrPane('details', `${base}/details`)}
  ${xhrPane('numeros', `${base}/numeros`)}
  ${xhrPane('historique', `${base}/historique`)}
</div>
<div class="modal fade${options.noRefreshAfterTermination ? ' js-no-refresh' : ''}" id="termination-modal" tabindex="-1"${options.terminationWithoutRole ? '' : html` role="dialog" aria-labelledby="termination-modal-title"`}${options.terminationAriaHidden ? html` aria-hidden="true"` : ''}>
  <div class="modal-dialog" role="document"><div class="modal-content"><div class="modal-body">Chargement...</div></div></div>
</div>
<div class="modal fade" id="dissociate-modal" tabindex="-1" role="dialog" aria-labelledby="dissociate-modal-title">
  <div class="modal-dialog" role="document"><div class="modal-content">
    <form class="js-dissociate-form" method="post">
      <div class="modal-header">
        <button type="button" class="close" data-dismiss="modal" aria-label="Fermer"><span aria-hidden="true">&times;</span></button>
        <h4 class="modal-title" id="dissociate-modal-title">Dissocier un numéro</h4>
      </div>
      <div class="modal-body">
        <div class="alert alert-danger js-dialog-error hidden" role="alert"></div>
        <p>Dissocier le numéro <strong class="js-dissociate-number"></strong> de la <span class="js-dissociate-licence"></span> ?
        La licence reste souscrite et devient résiliable.</p>
      </div>
      <div class="modal-footer">
        <button type="button" class="btn btn-default" data-dismiss="modal">Annuler</button>
        <button type="submit" class="btn btn-primary js-confirm">Confirmer</button>
      </div>
    </form>
  </div></div>
</div>`;
}
