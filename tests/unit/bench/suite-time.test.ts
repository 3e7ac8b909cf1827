import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type JsonReport, projectSpans, reportIsFresh } from '../../../scripts/bench/suite-time';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, seconds)).toISOString();

describe('projectSpans', () => {
  it('spans each project from its first start to its last end, through nested suites', () => {
    const report: JsonReport = {
      suites: [
        {
          specs: [
            {
              tests: [
                { projectName: 'chromium', results: [{ startTime: at(0), duration: 2_000 }] },
                { projectName: 'firefox', results: [{ startTime: at(10), duration: 5_000 }] },
              ],
            },
          ],
          suites: [
            {
              specs: [
                {
                  tests: [
                    // A retry counts too: the suite's wall time includes it.
                    {
                      projectName: 'chromium',
                      results: [
                        { startTime: at(3), duration: 1_000 },
                        { startTime: at(5), duration: 1_500 },
                      ],
                    },
                    { projectName: 'firefox', results: [{ startTime: 'not a date', duration: 1 }] },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(projectSpans(report)).toEqual([
      { project: 'chromium', wallMs: 6_500, tests: 3 },
      { project: 'firefox', wallMs: 5_000, tests: 1 },
    ]);
  });

  it('is empty for an empty report', () => {
    expect(projectSpans({})).toEqual([]);
  });
});

describe('reportIsFresh', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mla-suite-'));
    await mkdir(join(root, 'reports'));
    await mkdir(join(root, 'tests/e2e'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('needs a report newer than the e2e sources and younger than a day', async () => {
    expect(reportIsFresh(root)).toBe(false);
    const old = new Date(Date.now() - 3_600_000);
    await writeFile(join(root, 'tests/e2e/a.spec.ts'), '');
    await utimes(join(root, 'tests/e2e/a.spec.ts'), old, old);
    await utimes(join(root, 'tests/e2e'), old, old);
    await utimes(join(root, 'tests'), old, old);
    await writeFile(join(root, 'reports/e2e.json'), '{}');
    expect(reportIsFresh(root)).toBe(true);
    expect(reportIsFresh(root, Date.now() + 25 * 3_600_000)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, 'tests/e2e/a.spec.ts'), later, later);
    expect(reportIsFresh(root)).toBe(false);
  });
});
