/**
 * `npm run fixture:add -- <capture.html> [--name <nom>] [--expect <attendu.json>] [--force]`
 * (see scripts/fixture-add/add-fixture.ts and docs/qa.md, "Captures anonymisées").
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addFixture } from './fixture-add/add-fixture';

function main(): number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { name: { type: 'string' }, expect: { type: 'string' }, force: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`fixture:add : ${(error as Error).message}`);
    return 2;
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) {
    console.error(
      'Usage : npm run fixture:add -- <capture.html> [--name <nom>] [--expect <attendu.json>] [--force]',
    );
    return 2;
  }
  const values = parsed.values as { name?: string; expect?: string; force?: boolean };
  const result = addFixture({
    file: resolve(file),
    root: resolve(import.meta.dirname, '..'),
    ...(values.name ? { name: values.name } : {}),
    ...(values.expect ? { expect: resolve(values.expect) } : {}),
    ...(values.force ? { force: true } : {}),
  });
  if (!result.ok) {
    console.error(`fixture:add : ${result.message}`);
    for (const finding of result.findings.slice(0, 50))
      console.error(`  - ${finding.kind} (${finding.where}) : ${JSON.stringify(finding.value)}`);
    if (result.findings.length > 50) console.error(`  … et ${result.findings.length - 50} autre(s).`);
    return 1;
  }
  console.log(`fixture:add : capture enregistrée → ${result.html}`);
  console.log(`fixture:add : lecture attendue (${result.review}) → ${result.expected}`);
  if (result.review === 'to review')
    console.log('fixture:add : à relire avant de committer (docs/qa.md, « Ce que vérifie le relecteur »).');
  return 0;
}

process.exitCode = main();
