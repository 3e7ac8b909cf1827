import type { ScenarioName } from '../data/scenarios';
import { SCENARIOS } from '../data/scenarios';
import type { Faults } from '../faults';
import { html } from '../html/html';

export interface DemoPanelState {
  scenario: ScenarioName;
  faults: Faults;
}

const FAULT_LABELS: ReadonlyArray<[keyof Omit<Faults, 'latencyMs'>, string]> = [
  ['terminationError', 'Erreur 500 à la résiliation'],
  ['dropConnection', 'Connexion coupée à la résiliation'],
  ['sessionExpired', 'Session expirée (prochaine requête)'],
  ['malformedDetails', 'Bloc Détails malformé'],
];

/** The mock's own control box: visibly not part of the portal (colours, label), easy to hide. */
export function demoPanel(state: DemoPanelState) {
  // Each scenario's description is shown under the list (and follows the choice, portal.js), not
  // only in a tooltip: a visitor of the demo sees what each scenario is before switching to it.
  const current = SCENARIOS.find((scenario) => scenario.name === state.scenario) ?? SCENARIOS[0]!;
  return html`<aside class="mock-demo-panel" aria-label="Panneau de démonstration — portail simulé">
<details>
  <summary>Panneau de démonstration — portail simulé</summary>
  <form class="mock-demo-form" autocomplete="off">
    <div class="form-group form-group-sm">
      <label for="mock-scenario">Scénario</label>
      <select id="mock-scenario" class="form-control" aria-describedby="mock-scenario-description">
        ${SCENARIOS.map(
          (scenario) =>
            html`<option value="${scenario.name}" title="${scenario.description}" data-description="${scenario.description}" ${scenario.name === state.scenario ? html`selected` : ''}>${scenario.name}</option>`,
        )}
      </select>
      <p id="mock-scenario-description" class="help-block mock-scenario-description">${current.description}</p>
    </div>
    <p><button type="button" class="btn btn-xs btn-warning js-mock-scenario">Changer de scénario</button>
    <button type="button" class="btn btn-xs btn-default js-mock-reset">Réinitialiser les données</button></p>
    <fieldset>
      <legend>Pannes</legend>
      <div class="form-group form-group-sm">
        <label for="mock-latency">Latence ajoutée (ms)</label>
        <input id="mock-latency" class="form-control js-mock-fault" name="latencyMs" type="number" min="0" step="100" value="${state.faults.latencyMs}">
      </div>
      ${FAULT_LABELS.map(
        ([name, label]) =>
          html`<div class="checkbox"><label><input type="checkbox" class="js-mock-fault" name="${name}" ${state.faults[name] ? html`checked` : ''}> ${label}</label></div>`,
      )}
    </fieldset>
    <p class="mock-demo-status" role="status"></p>
    <p><a href="?demoPanel=0" class="js-mock-hide">Masquer ce panneau</a> <small>(le réafficher : <code>?demoPanel=1</code>)</small></p>
  </form>
</details>
</aside>`;
}
