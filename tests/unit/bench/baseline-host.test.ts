import { describe, expect, it } from 'vitest';
import { PORTAL_HOST_MATCHES, TEST_HOST_MATCHES } from '../../../lib/hosts';
import { BASELINE_HOST_RULE, BASELINE_HOSTS, baselineOrigin } from '../../../scripts/bench/baseline-hosts';

/** A match pattern's host part as a regular expression (`*.` covers any sub-domain). */
function hostPattern(match: string): RegExp {
  const host = /^[^:]+:\/\/([^/]+)\//.exec(match)?.[1] ?? '';
  const escaped = host.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/^\\\*\\\./, '(?:[^.]+\\.)*');
  return new RegExp(`^${host === '*' ? '.*' : escaped.replace(/\*/g, '.*')}$`);
}

describe('the page-overhead baseline hosts', () => {
  it('are covered by none of the extension’s match patterns, test build included', () => {
    for (const host of BASELINE_HOSTS) {
      for (const match of [...PORTAL_HOST_MATCHES, ...TEST_HOST_MATCHES]) {
        expect(hostPattern(match).test(host), `${host} / ${match}`).toBe(false);
      }
      expect(BASELINE_HOST_RULE).toContain(`MAP ${host} 127.0.0.1`);
    }
    // The helper does recognise a covered host, so the check above can fail.
    expect(hostPattern('https://*.myopenip.fr/*').test('acme.myopenip.fr')).toBe(true);
    expect(hostPattern('http://localhost/*').test('localhost')).toBe(true);
  });

  it('keeps the scheme and the port of the portal’s origin', () => {
    expect(baselineOrigin('http://localhost:41234')).toBe(`http://${BASELINE_HOSTS[0]}:41234`);
    expect(baselineOrigin('http://localhost:41234', 1)).toBe(`http://${BASELINE_HOSTS[1]}:41234`);
  });
});
