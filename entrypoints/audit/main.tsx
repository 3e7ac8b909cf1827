import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ALL_MESSAGES } from '@/lib/i18n/all-messages';
import { resolveLanguage } from '@/lib/i18n/format';
import { createTranslator } from '@/lib/i18n/translator';
import { browserUiLanguage } from '@/lib/i18n/ui-language';
import { defaultSettings, loadSettings } from '@/lib/settings/settings';
import { startAuditPage } from './page-app';

// Wiring only: the audit's page (opened from the portal's list or the popup) — see docs/audit.md.
async function main() {
  const app = document.getElementById('app');
  if (!app) return;
  const settings = await loadSettings().then(
    (stored) => stored.settings,
    () => defaultSettings(),
  );
  const language = resolveLanguage(settings.language, browserUiLanguage());
  document.documentElement.lang = language;
  const text = createTranslator(ALL_MESSAGES, language);
  document.title = text.t('auditTitle');
  await startAuditPage({
    search: location.search,
    text,
    show: (content) => render(content, app),
    // Without the port: match patterns ignore it in Chrome and refuse it in Firefox.
    originAllowed: (origin) => {
      const { protocol, hostname } = new URL(origin);
      return browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
    },
  });
}

void main();
