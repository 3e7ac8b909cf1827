import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Alias, AliasOptions, Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { CHROMIUM_PUBLIC_KEY } from './lib/extension-key';
import { PORTAL_HOST_MATCHES, TEST_HOST_MATCHES } from './lib/hosts';

// One extension, two builds: the production one only ever runs on the portal's hosts; the
// test build (MLA_TEST_BUILD=1, used by the regression kit and the demo) also runs on the
// mocked portal served on localhost, and lands in its own folder so neither overwrites the other.
const testBuild = process.env.MLA_TEST_BUILD === '1';
const hostMatches = testBuild ? [...PORTAL_HOST_MATCHES, ...TEST_HOST_MATCHES] : PORTAL_HOST_MATCHES;

/**
 * The detector (content script, on every portal page: 4 KB gzipped) and the assistant it brings
 * (12 KB gzipped together, with Preact) have size budgets: there, `wxt/browser` is WXT's own `browser` (the native promise-based `browser`/`chrome` of MV3)
 * instead of webextension-polyfill (~2.7 KB gzipped). The content script only uses APIs that behave
 * the same natively (storage, runtime.onMessage with `sendResponse`, i18n.getUILanguage). Popup,
 * options and background keep the polyfill.
 */
function withoutPolyfill(alias: AliasOptions | undefined): Alias[] {
  const entries: Alias[] = Array.isArray(alias)
    ? [...alias]
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
  return [
    { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
    ...entries.filter((entry) => entry.find !== 'wxt/browser'),
  ];
}

/**
 * The extension never renders HTML from strings (no `dangerouslySetInnerHTML`): Preact's one
 * `innerHTML` assignment, which only serves that prop, becomes a `textContent` one. Any such markup
 * would then show as text, and `web-ext lint` has no unsafe assignment to report.
 */
const preactWithoutInnerHtml: Plugin = {
  name: 'mla-preact-without-inner-html',
  transform(code, id) {
    if (!/[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id)) return null;
    const rewritten = code.replace(/(\w+)\.innerHTML=(\w+)\.__html/g, '$1.textContent=$2.__html');
    if (rewritten === code) throw new Error('Preact changed: its innerHTML assignment was not found');
    return { code: rewritten, map: null };
  },
};

/**
 * WXT's content-script context class, in the content-script build, is our reduced one (same
 * protocol, only `signal` and `isInvalid`: see lib/runtime/script-context.ts). The entrypoint hands
 * its context to `runContentScript`, whose `ContentContext` type allows nothing more.
 */
const reducedScriptContext: Alias = {
  find: /^wxt\/utils\/content-script-context$/,
  replacement: fileURLToPath(new URL('./lib/runtime/script-context.ts', import.meta.url)),
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MLA_OUT_DIR: a build elsewhere (the release test's own test-build zip must not replace the e2e build).
  outDir: process.env.MLA_OUT_DIR ?? (testBuild ? '.output/test' : '.output'),
  manifestVersion: 3,
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact(), preactWithoutInnerHtml],
    // The test build's content script times our work for the bench (lib/runtime/work-meter.ts).
    define: { 'import.meta.env.MLA_TEST_BUILD': JSON.stringify(testBuild) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // `scripting`: the background injects the assistant into a frame whose detector found licence
    // content, the audit's button on the services list and the capture's code when a user asks for a
    // capture (lib/runtime/assistant-loader.ts); no install warning in Chrome or Firefox. No file is
    // exposed to pages (no web_accessible_resources).
    permissions: ['storage', 'scripting'],
    host_permissions: hostMatches,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'metacentrex-licence-assistant@myopenip-tools',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android supports data_collection_permissions from 142 only.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: CHROMIUM_PUBLIC_KEY }),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      // The detector (content script) and the assistant it brings (unlisted script) run in the page.
      const inPage = (type: string) => type === 'content-script' || type === 'unlisted-script';
      if (!entrypoints.every((entrypoint) => inPage(entrypoint.type))) return;
      viteConfig.resolve ??= {};
      viteConfig.resolve.alias = [reducedScriptContext, ...withoutPolyfill(viteConfig.resolve.alias)];
    },
    // Content-script matches are declared once (lib/hosts.ts) and widened here for the test
    // build, so the entrypoint itself never needs to know which build it is in.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.matches = hostMatches;
    },
  },
  zip: {
    includeSources: ['**/*', '.nvmrc'],
    excludeSources: [
      'mocks/**',
      'tests/**',
      // The scripts stay out except the launcher, which package.json's postinstall runs.
      'scripts/bench/**',
      'scripts/demo/**',
      'scripts/release/**',
      'scripts/shared/**',
      'scripts/*.ts',
      'scripts/*.mjs',
      'bench/**',
      'docs/**',
      'demo-output/**',
      'playwright*.ts',
      'vitest.config.ts',
      '.ci/**',
      'test-results/**',
      'playwright-report/**',
      'release/**',
      'reports/**',
      '.vitest/**',
      'CHANGELOG.md',
    ],
  },
});
