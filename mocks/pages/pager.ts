import { html } from '../html/html';

/** "Page X sur Y" with Précédent / Suivant; `hrefFor` keeps the current filters. */
export function pager(page: number, pageCount: number, hrefFor: (page: number) => string, linkClass = '') {
  return html`<nav aria-label="Pagination" class="clearfix">
  <ul class="pager">
    <li class="previous ${page <= 1 ? 'disabled' : ''}">${
      page <= 1
        ? html`<span aria-disabled="true">Précédent</span>`
        : html`<a class="${linkClass}" href="${hrefFor(page - 1)}">Précédent</a>`
    }</li>
    <li class="pager-status">Page ${page} sur ${pageCount}</li>
    <li class="next ${page >= pageCount ? 'disabled' : ''}">${
      page >= pageCount
        ? html`<span aria-disabled="true">Suivant</span>`
        : html`<a class="${linkClass}" href="${hrefFor(page + 1)}">Suivant</a>`
    }</li>
  </ul>
</nav>`;
}
