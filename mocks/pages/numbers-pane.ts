import { licenceTypeByKey } from '../data/licence-types';
import { formatNumber, type Sda, type Service } from '../data/model';
import type { Page } from '../data/store';
import { html } from '../html/html';
import { pager } from './pager';
import { serviceBase } from './service-page';

export const NUMBERS_PER_PAGE = 25;

function row(service: Service, sda: Sda) {
  const licence = licenceTypeByKey(sda.licenceKey ?? '')?.label ?? null;
  const shown = formatNumber(sda.number);
  return html`<tr>
  <td>${shown}</td>
  <td>${sda.user}</td>
  <td>${licence ?? html`<span class="text-muted">Aucune licence</span>`}</td>
  <td>${
    licence
      ? html`<button type="button" class="btn btn-default btn-xs js-dissociate" data-number="${shown}" data-licence="${licence}" data-url="${serviceBase(service.ref)}/numeros/${sda.number}/dissociation">Dissocier</button>`
      : ''
  }</td>
</tr>`;
}

/** The Numéros pane (the mock's own guess: the real portal may show numbers elsewhere). */
export function numbersPane(service: Service, query: string, result: Page<Sda>) {
  const base = `${serviceBase(service.ref)}/numeros`;
  const href = (page: number) => `${base}?${new URLSearchParams({ q: query, page: String(page) })}`;
  return html`<form class="form-inline js-pane-form numbers-filter" method="get" action="${base}" role="search" aria-label="Filtrer les numéros">
  <div class="form-group"><label for="numbers-query">Numéro, utilisateur ou licence</label>
  <input type="text" class="form-control input-sm" id="numbers-query" name="q" value="${query}"></div>
  <button type="submit" class="btn btn-default btn-sm">Filtrer</button>
</form>
${
  result.total === 0
    ? html`<p class="alert alert-info" role="status">${query ? 'Aucun numéro ne correspond à votre recherche.' : 'Aucun numéro sur ce service.'}</p>`
    : html`<table class="table table-striped numbers-table">
  <thead><tr><th scope="col">Numéro</th><th scope="col">Utilisateur</th><th scope="col">Licence</th><th scope="col">Action</th></tr></thead>
  <tbody>${result.items.map((sda) => row(service, sda))}</tbody>
</table>
${pager(result.page, result.pageCount, href, 'js-pane-link')}`
}`;
}
