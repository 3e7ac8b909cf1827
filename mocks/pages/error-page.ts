import { html } from '../html/html';

export function errorPage(title: string, message: string, back: string | null = null) {
  return html`<div class="alert alert-danger" role="alert"><h1 class="h4">${title}</h1><p>${message}</p></div>
${back ? html`<p><a href="${back}">Retour</a></p>` : ''}`;
}
