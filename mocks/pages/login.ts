import { html } from '../html/html';

export interface LoginView {
  login: string;
  next: string;
  error: string | null;
  notice: string | null;
}

export function loginPage(view: LoginView) {
  return html`<div class="row"><div class="col-sm-6 col-sm-offset-3 col-md-4 col-md-offset-4">
<div class="panel panel-default login-panel">
  <div class="panel-heading"><h1 class="panel-title">Connexion à MyOpenIP</h1></div>
  <div class="panel-body">
    ${view.notice ? html`<div class="alert alert-info" role="status">${view.notice}</div>` : ''}
    ${view.error ? html`<div class="alert alert-danger" role="alert">${view.error}</div>` : ''}
    <form method="post" action="/login">
      <input type="hidden" name="next" value="${view.next}">
      <div class="form-group">
        <label for="login">Identifiant</label>
        <input type="text" class="form-control" id="login" name="login" value="${view.login}" placeholder="E-00000xxxxx ou e-mail" autocomplete="username" required>
      </div>
      <div class="form-group">
        <label for="password">Mot de passe</label>
        <input type="password" class="form-control" id="password" name="password" autocomplete="current-password" required>
      </div>
      <button type="submit" class="btn btn-primary btn-block">Se connecter</button>
    </form>
  </div>
</div>
</div></div>`;
}
