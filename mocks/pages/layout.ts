import { html, type SafeHtml } from '../html/html';
import { type DemoPanelState, demoPanel } from './demo-panel';

export interface LayoutOptions {
  title: string;
  /** The signed-in identifier; null on the login page. */
  user: string | null;
  /** Null when the demo panel is hidden (`?demoPanel=0` or its cookie). */
  demo: DemoPanelState | null;
}

function navbar(user: string): SafeHtml {
  return html`<nav class="navbar navbar-inverse navbar-static-top">
  <div class="container">
    <div class="navbar-header"><a class="navbar-brand" href="/">MyOpenIP</a></div>
    <ul class="nav navbar-nav">
      <li class="dropdown">
        <a href="#" class="dropdown-toggle" data-toggle="dropdown" role="button" aria-haspopup="true" aria-expanded="false">Mes Services <span class="caret"></span></a>
        <ul class="dropdown-menu">
          <li><a href="/services">Paramétrage / Monitoring</a></li>
        </ul>
      </li>
      <li><a href="/">Mes Commandes</a></li>
      <li><a href="/">Mes Tickets</a></li>
    </ul>
    <ul class="nav navbar-nav navbar-right">
      <li><p class="navbar-text">${user}</p></li>
      <li><a href="/logout">Déconnexion</a></li>
    </ul>
  </div>
</nav>`;
}

export function layout(options: LayoutOptions, body: SafeHtml): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – MyOpenIP</title>
<link rel="stylesheet" href="/assets/bootstrap/css/bootstrap.min.css">
<link rel="stylesheet" href="/assets/portal.css">
</head>
<body>
${options.user ? navbar(options.user) : html`<div class="portal-brand"><span>open <strong>IP</strong> by DESTINY</span> · MyOpenIP</div>`}
<main class="container" id="main">
${body}
</main>
${options.demo ? demoPanel(options.demo) : ''}
<script src="/assets/jquery/jquery.min.js"></script>
<script src="/assets/bootstrap/js/bootstrap.min.js"></script>
<script src="/assets/portal.js"></script>
</body>
</html>`;
}
