import type { Service } from '../data/model';
import type { LicenceCountRow } from '../data/store';
import { html, type SafeHtml } from '../html/html';
import type { VariantName } from '../variants';
import { serviceBase } from './service-page';

/** The legend the heading's ⓘ gives: the reading "active / souscrite" of `A / S`. */
export const COUNT_LEGEND = 'Licences actives / licences souscrites';

function info(title: string) {
  return html`<span class="info-icon" data-toggle="tooltip" title="${title}" aria-label="${title}">ⓘ</span>`;
}

function terminationButton(service: Service, row: LicenceCountRow) {
  if (row.subscribed - row.active <= 0) {
    return html`<button type="button" class="btn btn-icon btn-sm" title="Résilier" aria-label="Résilier" aria-disabled="true" disabled><span class="glyphicon glyphicon-trash" aria-hidden="true"></span></button>`;
  }
  return html`<button type="button" class="btn btn-icon btn-sm js-terminate" title="Résilier" aria-label="Résilier" data-toggle="modal" data-target="#termination-modal" data-url="${serviceBase(service.ref)}/licences/${row.type.key}/resiliation"><span class="glyphicon glyphicon-trash" aria-hidden="true"></span></button>`;
}

interface RowView {
  label: string | null;
  tooltip: string;
  count: string | null;
  button: SafeHtml;
  /** Variant `prix`: the row's contract reference (beside the count) and monthly price. */
  reference?: string;
  /** Variant `renvoi`: a footnote mark glued to the count, inside its copyable span. */
  footnote?: string;
  price?: string;
}

function licenceRow(view: RowView) {
  const reference = view.reference ? html` <small class="text-muted">${view.reference}</small>` : '';
  const price =
    view.price === undefined ? '' : html`<td class="col-sm-2 col-md-2 text-right">${view.price}</td>`;
  return html`<tr>
  <td class="col-sm-4 col-md-4">${view.label === null ? '' : html`${view.label} ${info(view.tooltip)}`}</td>
  <td class="col-sm-6 col-md-6">${view.count === null ? '' : html`<span class="js-copyable-content">${view.count}${view.footnote ? html`<sup>${view.footnote}</sup>` : ''}</span>`}${reference}</td>
  ${price}<td class="col-sm-2 col-md-2 text-right">${view.button}</td>
</tr>`;
}

/** Variant `prix`: the columns named, the count's included ("Actives / Souscrites"). */
const PRICE_HEADER = html`<tr><th>Licence</th><th>Actives / Souscrites</th><th class="text-right">Prix mensuel</th><th></th></tr>`;

/** Variant `prix`: a monthly price (with €, a decimal comma) and a reference for each row, stable per position. */
function withPrices(rows: RowView[]): RowView[] {
  return rows.map((row, index) => ({
    ...row,
    reference: `MC-${String(100123 + index).padStart(6, '0')}`,
    price: `${(4.9 + 3 * index).toFixed(2).replace('.', ',')} €`,
  }));
}

/**
 * Variant `bloc-cache`: what a page script could leave behind, an earlier copy of the licence block
 * with other numbers (here nothing terminable looks plenty terminable), hidden by a stylesheet class
 * and placed before the live block. An operator never sees it; an extension must never read it.
 */
function staleCopy(rows: readonly LicenceCountRow[]) {
  return html`<div class="panel panel-default licences-panel licences-cache">
  <div class="panel-heading"><h2 class="panel-title">Nombre de licences ${info(COUNT_LEGEND)}</h2></div>
  <table class="table table-condensed"><tbody>
  ${rows.map((row) =>
    licenceRow({
      label: row.type.label,
      tooltip: row.type.tooltip,
      count: `0 / ${row.subscribed + 9}`,
      button: html``,
    }),
  )}
  </tbody></table>
</div>`;
}

/**
 * Breaks the block the ways a flaky portal could (fault `malformedDetails`): the second row's active
 * count becomes `x`, the fourth loses its count, and a row without label is appended. The other rows
 * stay valid and their termination icons keep working.
 */
function malform(rows: RowView[], service: Service): RowView[] {
  const broken = rows.map((row, index) => {
    if (index === 1) return { ...row, count: row.count?.replace(/^\d+/, 'x') ?? 'x / 0' };
    if (index === 3) return { ...row, count: null };
    return row;
  });
  broken.push({ label: null, tooltip: '', count: '1 / 1', button: terminationButton(service, fakeRow()) });
  return broken;
}

function fakeRow(): LicenceCountRow {
  return { type: { label: '', key: 'inconnue', tooltip: '' }, active: 1, subscribed: 1 };
}

function otherServiceDetails(service: Service) {
  return html`<div class="panel panel-default"><div class="panel-heading"><h2 class="panel-title">Paramètres du service</h2></div>
<table class="table"><tbody>
<tr><td class="col-sm-6 col-md-6">Type de service</td>
  <td class="col-sm-6 col-md-6"><span class="js-copyable-content">${service.type}</span></td></tr>
<tr><td class="col-sm-6 col-md-6">Débit</td>
  <td class="col-sm-6 col-md-6"><span class="js-copyable-content">${service.type === 'Trunk SIP' ? '10 canaux' : '100 Mb/s'}</span></td></tr>
</tbody></table></div>`;
}

/** The Détails pane content, fetched by XHR and replaced after each termination or dissociation. */
export function detailsBlock(
  service: Service,
  rows: LicenceCountRow[],
  malformed: boolean,
  variants: ReadonlySet<VariantName> = new Set(),
) {
  if (service.type !== 'MetaCentrex') return otherServiceDetails(service);
  const prices = variants.has('prix');
  // Variant `renvoi`: Licence full's count carries a footnote mark, its note under the table.
  const footnote = variants.has('renvoi') ? 'licence-full' : null;
  const views: RowView[] = rows.map((row) => ({
    label: row.type.label,
    tooltip: row.type.tooltip,
    count: `${row.active} / ${row.subscribed}`,
    button: terminationButton(service, row),
    ...(row.type.key === footnote ? { footnote: '1' } : {}),
  }));
  return html`<div class="panel panel-default"><div class="panel-heading"><h2 class="panel-title">Paramètres du service</h2></div>
<table class="table"><tbody>
<tr><td class="col-sm-6 col-md-6">Plateforme</td>
  <td class="col-sm-6 col-md-6"><span class="js-copyable-content">MetaCentrex</span></td></tr>
<tr><td class="col-sm-6 col-md-6">Domaine CommPortal</td>
  <td class="col-sm-6 col-md-6"><span class="js-copyable-content">${service.ref.toLowerCase()}.metacentrex.example</span></td></tr>
</tbody></table></div>
${variants.has('bloc-cache') ? staleCopy(rows) : ''}
<div class="panel panel-default licences-panel">
  <div class="panel-heading"><h2 class="panel-title">Nombre de licences ${info(COUNT_LEGEND)}</h2></div>
  <table class="table table-condensed"><tbody>
  ${prices ? PRICE_HEADER : ''}
  ${(prices ? withPrices : (shown: RowView[]) => shown)(malformed ? malform(views, service) : views).map(licenceRow)}
  </tbody></table>
  ${footnote ? html`<p class="small text-muted"><sup>1</sup> Selon votre contrat.</p>` : ''}
</div>
<p class="help-block">Vous ne pouvez résilier une licence que si celle-ci n’est pas associée à un numéro (SDA).</p>`;
}

/** The framed Détails tab's document (variant `cadre`): the portal's styles around the pane's content. */
export function detailsFrame(content: SafeHtml): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Détails du service – MyOpenIP</title>
<link rel="stylesheet" href="/assets/bootstrap/css/bootstrap.min.css">
<link rel="stylesheet" href="/assets/portal.css">
</head>
<body class="details-frame-body">
${content}
</body>
</html>`;
}
