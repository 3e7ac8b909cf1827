import { render } from 'preact';
import { ALL_MESSAGES } from '@/lib/i18n/all-messages';
import { resolveLanguage } from '@/lib/i18n/format';
import { createTranslator } from '@/lib/i18n/translator';
import { browserUiLanguage } from '@/lib/i18n/ui-language';
import { defaultSettings, loadSettings } from '@/lib/settings/settings';
import { HelpPage } from '@/lib/ui/HelpPage';
import { EXTENSION_PAGE_CSS } from '@/lib/ui/page-css';

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
  document.title = text.t('helpTitle');
  render(
    <>
      <style>{EXTENSION_PAGE_CSS}</style>
      <HelpPage text={text} />
    </>,
    app,
  );
}

void main();
