import { formatNumber, type HistoryEntry } from '../data/model';
import { html } from '../html/html';

const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Paris',
});

export function historyPane(entries: HistoryEntry[]) {
  if (entries.length === 0)
    return html`<p class="alert alert-info" role="status">Aucune opération enregistrée sur ce service.</p>`;
  return html`<table class="table table-striped history-table">
  <thead><tr><th scope="col">Date</th><th scope="col">Action</th><th scope="col">Licence / numéro</th><th scope="col">Quantité</th><th scope="col">Utilisateur</th></tr></thead>
  <tbody>${entries.map(
    (entry) => html`<tr>
    <td><time datetime="${entry.at.toISOString()}">${DATE_FORMAT.format(entry.at)}</time></td>
    <td>${entry.action}</td>
    <td>${entry.licenceLabel}${entry.number ? ` – ${formatNumber(entry.number)}` : ''}</td>
    <td>${entry.quantity}</td>
    <td>${entry.user}</td>
  </tr>`,
  )}</tbody>
</table>`;
}
