import { html } from '../html/html';

export function homePage(user: string) {
  return html`<h1 class="h3">Bienvenue sur MyOpenIP</h1>
<p>Connecté en tant que <strong>${user}</strong>.</p>
<p>Vos services, commandes et tickets sont accessibles depuis la barre de navigation.</p>`;
}
