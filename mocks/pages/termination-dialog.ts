import type { Service } from '../data/model';
import type { LicenceCountRow } from '../data/store';
import { html, type SafeHtml } from '../html/html';
import type { VariantName } from '../variants';
import { serviceBase } from './service-page';

function quantityRow(label: string, value: number) {
  return html`<tr><td class="col-sm-6 col-md-6">${label}</td>
  <td class="col-sm-6 col-md-6"><span class="js-copyable-content">${value}</span></td></tr>`;
}

/**
 * "Quantité à résilier": a text field, or with the `stepper` variant a +/− stepper around it; with
 * `date-resiliation` a date field beside it (which of the two is the quantity, nothing in the markup says).
 */
function quantityField(variants: ReadonlySet<VariantName>): SafeHtml {
  // `champ-nombre`: a number field, whose value the browser keeps empty for what it cannot read as one.
  const input = variants.has('champ-nombre')
    ? html`<input type="number" class="form-control" id="termination-quantity" name="quantity" value="1" autocomplete="off">`
    : html`<input type="text" class="form-control" id="termination-quantity" name="quantity" value="1" autocomplete="off" inputmode="numeric">`;
  if (variants.has('date-resiliation')) {
    return html`${input} <input type="text" class="form-control" name="date" placeholder="jj/mm/aaaa" autocomplete="off">`;
  }
  if (!variants.has('stepper')) return input;
  // The page script (portal.js) sets the value on a click, without any input or change event.
  return html`<div class="input-group js-stepper">
    <span class="input-group-btn"><button type="button" class="btn btn-default js-step" data-step="-1" aria-label="Diminuer">−</button></span>
    ${input}
    <span class="input-group-btn"><button type="button" class="btn btn-default js-step" data-step="1" aria-label="Augmenter">+</button></span>
  </div>`;
}

/** The submit button: "Confirmer", or another label with the `bouton-resilier` / `bouton-icone` variants. */
function submitButton(variants: ReadonlySet<VariantName>): SafeHtml {
  if (variants.has('bouton-icone')) {
    return html`<button type="submit" class="btn btn-primary js-confirm" aria-label="Valider"><span class="glyphicon glyphicon-ok" aria-hidden="true"></span></button>`;
  }
  const label = variants.has('bouton-resilier') ? 'Résilier' : 'Confirmer';
  return html`<button type="submit" class="btn btn-primary js-confirm">${label}</button>`;
}

/**
 * Variant `copie-cachee`: the form sends a hidden copy of the quantity, which the page script (portal.js)
 * copies from the visible field on `change` only, and which the server takes: a value typed and sent
 * before the field is left is not the value the request carries.
 */
export const HIDDEN_QUANTITY_NAME = 'quantite';

/**
 * The termination modal's content (`.modal-content`), fetched by XHR after "Chargement...". The hidden
 * fields carry the quantities it was opened with, so the server can refuse a stale confirmation (409).
 */
export function terminationDialog(
  service: Service,
  row: LicenceCountRow,
  variants: ReadonlySet<VariantName> = new Set(),
) {
  const terminable = row.subscribed - row.active;
  const titleText = `${variants.has('titre-different') ? 'Résilier la' : 'Résiliation'} ${row.type.label.toLowerCase()}`;
  const title = html`<h4 class="modal-title" id="termination-modal-title">${titleText}</h4>`;
  // `fenetre-sans-role`: the title is in the body, away from the footer's buttons.
  const titleInBody = variants.has('fenetre-sans-role');
  return html`<form class="js-termination-form" method="post" action="${serviceBase(service.ref)}/licences/${row.type.key}/resiliation" novalidate>
  <div class="modal-header">
    <button type="button" class="close" data-dismiss="modal" aria-label="Fermer"><span aria-hidden="true">&times;</span></button>
    ${titleInBody ? '' : title}
  </div>
  <div class="modal-body">
    ${titleInBody ? title : ''}
    <div class="alert alert-danger js-dialog-error ${terminable > 0 ? 'hidden' : ''}" role="alert">${
      terminable > 0
        ? ''
        : 'Aucune licence résiliable : chaque licence souscrite est associée à un numéro (SDA).'
    }</div>
    <table class="table"><tbody>
      ${quantityRow('Quantité souscrite', row.subscribed)}
      ${quantityRow('Quantité active', row.active)}
      <tr><td class="col-sm-6 col-md-6">${
        variants.has('date-resiliation')
          ? html`<label>Quantité à résilier</label>`
          : html`<label for="termination-quantity">Quantité à résilier</label>`
      }</td>
      <td class="col-sm-6 col-md-6">${quantityField(variants)}</td></tr>
    </tbody></table>
    <input type="hidden" name="openedSubscribed" value="${row.subscribed}">
    <input type="hidden" name="openedActive" value="${row.active}">
    ${variants.has('copie-cachee') ? html`<input type="hidden" name="${HIDDEN_QUANTITY_NAME}" value="1">` : ''}
  </div>
  <div class="modal-footer">
    <button type="button" class="btn btn-default" data-dismiss="modal">Annuler</button>
    ${submitButton(variants)}
  </div>
</form>`;
}
