import { describe, expect, it } from 'vitest';
import { PORTAL_HOST_MATCHES } from '../../../lib/hosts';
import { manifestProblems } from '../../../scripts/lint-extension';

const good = {
  permissions: ['storage', 'scripting'],
  host_permissions: PORTAL_HOST_MATCHES,
  content_scripts: [{ matches: PORTAL_HOST_MATCHES, js: ['content-scripts/portal.js'] }],
};

describe('lint:ext manifest check', () => {
  it('accepts storage, scripting and the portal hosts, nothing more', () => {
    expect(manifestProblems(good, PORTAL_HOST_MATCHES)).toEqual([]);
  });

  it('refuses any file exposed to pages, even the capture bundle on the portal hosts only', () => {
    const exposed = {
      ...good,
      web_accessible_resources: [{ resources: ['capture.js'], matches: PORTAL_HOST_MATCHES }],
    };
    expect(manifestProblems(exposed, PORTAL_HOST_MATCHES)).toEqual([
      'clé inattendue web_accessible_resources',
    ]);
  });

  it('refuses any other permission, host or exposed resource', () => {
    expect(
      manifestProblems({ ...good, permissions: ['storage', 'scripting', 'tabs'] }, PORTAL_HOST_MATCHES),
    ).toHaveLength(1);
    expect(
      manifestProblems(
        { ...good, host_permissions: [...PORTAL_HOST_MATCHES, 'http://localhost/*'] },
        PORTAL_HOST_MATCHES,
      ),
    ).toHaveLength(1);
    expect(
      manifestProblems(
        { ...good, web_accessible_resources: [{ resources: ['*'], matches: PORTAL_HOST_MATCHES }] },
        PORTAL_HOST_MATCHES,
      ),
    ).toHaveLength(1);
    expect(
      manifestProblems(
        { ...good, web_accessible_resources: [{ resources: ['capture.js'], matches: ['<all_urls>'] }] },
        PORTAL_HOST_MATCHES,
      ),
    ).toHaveLength(1);
    expect(
      manifestProblems({ ...good, content_scripts: [{ matches: ['<all_urls>'] }] }, PORTAL_HOST_MATCHES),
    ).toHaveLength(1);
  });
});
