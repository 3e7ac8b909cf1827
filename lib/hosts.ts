/** Where the real portal lives: a sub-domain per partner (docs/extension.md, "Install"). */
export const PORTAL_HOST_MATCHES = ['https://*.myopenip.fr/*', 'https://*.mydstny.fr/*'];

/**
 * Where the mocked portal is served for tests and the demo. Firefox ignores ports in match
 * patterns (a pattern with a port never injects), and `localhost` does not cover `127.0.0.1`.
 */
export const TEST_HOST_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
