import { parseArgs } from 'node:util';
import { DEMO_CREDENTIALS, DEMO_EMAIL_CREDENTIALS } from '../auth';
import { isScenarioName, SCENARIO_NAMES } from '../data/scenarios';
import { parseVariantNames, VARIANT_NAMES } from '../variants';
import { startPortalServer } from './http-server';

/** `npm run portal [-- --port 4173 --host 127.0.0.1 --scenario carte --variant prix]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' },
      variant: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      `Portail MyOpenIP simulé.\n  --port <n>       (PORTAL_PORT, défaut 4173 ; 0 = un port libre)\n  --host <hôte>    (défaut 127.0.0.1)\n  --scenario <nom> (PORTAL_SCENARIO, défaut carte) : ${SCENARIO_NAMES.join(', ')}\n  --variant <nom>  (répétable) variantes de balisage : ${VARIANT_NAMES.join(', ')}`,
    );
    return;
  }
  const rawPort = values.port ?? process.env.PORTAL_PORT ?? '4173';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    console.error(`Port invalide : « ${rawPort} » (attendu : un nombre de 0 à 65535).`);
    process.exitCode = 2;
    return;
  }
  const scenario = values.scenario ?? process.env.PORTAL_SCENARIO ?? 'carte';
  if (!isScenarioName(scenario)) {
    console.error(`Scénario inconnu : « ${scenario} ». Scénarios : ${SCENARIO_NAMES.join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  const variants = parseVariantNames(values.variant ?? []);
  if (!variants.ok) {
    console.error(variants.message);
    process.exitCode = 2;
    return;
  }
  const server = await startPortalServer({ port, host: values.host ?? '127.0.0.1', scenario });
  server.portal.setVariants(variants.names);
  const shown = variants.names.length > 0 ? `, variantes ${variants.names.join(', ')}` : '';
  console.log(`Portail MyOpenIP simulé (scénario « ${scenario} »${shown}) : ${server.url}`);
  console.log(`  Identifiant : ${DEMO_CREDENTIALS.login} / mot de passe : ${DEMO_CREDENTIALS.password}`);
  console.log(
    `  ou e-mail   : ${DEMO_EMAIL_CREDENTIALS.login} / mot de passe : ${DEMO_EMAIL_CREDENTIALS.password}`,
  );
  console.log(`  État et pannes : ${server.origin}/__mock/state · Arrêt : Ctrl+C`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Le portail simulé n’a pas pu démarrer :', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
