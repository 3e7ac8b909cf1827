import { describe, expect, it } from 'vitest';
import { PORTAL_HOST_MATCHES } from '../../../lib/hosts';
import { acceptedWarning, manifestProblems } from '../../../scripts/lint-extension';

const good = {
  permissions: ['storage', 'scripting'],
  host_permissions: PORTAL_HOST_MATCHES,
  content_scripts: [{ matches: PORTAL_HOST_MATCHES, js: ['content-scripts/portal.js'] }],
};

describe('lint:ext manifest check', () => {
  it('accepts storage, scripting and the portal hosts, nothing more', () => {
    expect(manifestProblems(good, PORTAL_HOST_MATCHES)).toEqual([]);
  });

  it('accepts the capture bundle exposed to the portal hosts only', () => {
    const exposed = {
      ...good,
      web_accessible_resources: [{ resources: ['capture.js'], matches: PORTAL_HOST_MATCHES }],
    };
    expect(manifestProblems(exposed, PORTAL_HOST_MATCHES)).toEqual([]);
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

  it('accepts one web-ext warning only: the capture bundle imported by the content script', () => {
    const warning = {
      code: 'UNSAFE_VAR_ASSIGNMENT',
      message: 'Unsafe call to import for argument 0',
      file: 'content-scripts/portal.js',
    };
    expect(acceptedWarning(warning)).toBe(true);
    expect(acceptedWarning({ ...warning, file: 'licence-assistant.js' })).toBe(true);
    expect(acceptedWarning({ ...warning, file: 'popup.js' })).toBe(false);
    expect(acceptedWarning({ ...warning, message: 'Unsafe assignment to innerHTML' })).toBe(false);
  });
});
