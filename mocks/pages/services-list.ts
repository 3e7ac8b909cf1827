import { SERVICE_STATES, SERVICE_TYPES, type Service } from '../data/model';
import type { Page, ServiceFilter } from '../data/store';
import { html } from '../html/html';
import { pager } from './pager';

export const SERVICES_PER_PAGE = 25;
export const COLUMNS = [
  'Réf. du service',
  'Nom du service',
  'Client',
  'Compte client',
  'Site',
  'Type de service',
  'État du service',
  'Action',
] as const;

export function filterQuery(filter: ServiceFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.client) params.set('client', filter.client);
  if (filter.query) params.set('service', filter.query);
  if (filter.type) params.set('type', filter.type);
  if (filter.state) params.set('etat', filter.state);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function select(
  id: string,
  name: string,
  label: string,
  options: readonly string[],
  selected: string | undefined,
) {
  return html`<div class="form-group">
  <label for="${id}">${label}</label>
  <select class="form-control" id="${id}" name="${name}">
    <option value="">Tous</option>
    ${options.map((option) => html`<option value="${option}" ${option === selected ? html`selected` : ''}>${option}</option>`)}
  </select>
</div>`;
}

function row(service: Service) {
  return html`<tr>
  <td>${service.ref}</td>
  <td>${service.name}</td>
  <td>${service.client}</td>
  <td>${service.account}</td>
  <td>${service.site}</td>
  <td>${service.type}</td>
  <td><span class="label ${service.state === 'Actif' ? 'label-success' : 'label-default'}">${service.state}</span></td>
  <td><a class="btn btn-link btn-sm" href="/services/${encodeURIComponent(service.ref)}">Paramétrer &gt;</a></td>
</tr>`;
}

export function servicesListPage(filter: ServiceFilter, result: Page<Service>) {
  return html`<ol class="breadcrumb"><li>Mes Services</li><li class="active">Paramétrage / Monitoring</li></ol>
<h1 class="h3">Paramétrage / Monitoring</h1>
<form class="panel panel-default services-filters" method="get" action="/services" role="search" aria-label="Filtres">
  <div class="panel-body">
    <div class="row">
      <div class="col-sm-3"><div class="form-group">
        <label for="filter-client">Client</label>
        <input type="text" class="form-control" id="filter-client" name="client" value="${filter.client ?? ''}">
      </div></div>
      <div class="col-sm-3"><div class="form-group">
        <label for="filter-service">Nom ou référence du service</label>
        <input type="text" class="form-control" id="filter-service" name="service" value="${filter.query ?? ''}">
      </div></div>
      <div class="col-sm-3">${select('filter-type', 'type', 'Type de service', SERVICE_TYPES, filter.type)}</div>
      <div class="col-sm-3">${select('filter-state', 'etat', 'État du service', SERVICE_STATES, filter.state)}</div>
    </div>
    <button type="submit" class="btn btn-primary">Rechercher</button>
    <a class="btn btn-default" href="/services">Réinitialiser</a>
  </div>
</form>
<p class="text-muted">${result.total} service${result.total > 1 ? 's' : ''}</p>
${
  result.total === 0
    ? html`<div class="alert alert-info" role="status">Aucun service ne correspond à votre recherche.</div>`
    : html`<table class="table table-striped table-hover services-table">
  <thead><tr>${COLUMNS.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
  <tbody>${result.items.map(row)}</tbody>
</table>
${pager(result.page, result.pageCount, (page) => `/services${filterQuery(filter, page)}`)}`
}`;
}
