import { render } from 'preact';
import { HELP_PAGE_PATH } from '@/lib/help-page';
import { ALL_MESSAGES } from '@/lib/i18n/all-messages';
import { resolveLanguage } from '@/lib/i18n/format';
import { createTranslator } from '@/lib/i18n/translator';
import { browserUiLanguage } from '@/lib/i18n/ui-language';
import { loadSettings, type Settings } from '@/lib/settings/settings';
import { OptionsForm } from '@/lib/ui/OptionsForm';
import { EXTENSION_PAGE_CSS } from '@/lib/ui/page-css';
import { saveAndDescribe } from './save';

async function main() {
  const app = document.getElementById('app');
  if (!app) return;
  const uiLanguage = browserUiLanguage();
  let { settings } = await loadSettings();
  let notice: string | null = null;

  const show = () => {
    const language = resolveLanguage(settings.language, uiLanguage);
    document.documentElement.lang = language;
    const text = createTranslator(ALL_MESSAGES, language);
    render(
      <>
        <style>{EXTENSION_PAGE_CSS}</style>
        <OptionsForm
          settings={settings}
          text={text}
          notice={notice}
          onChange={change}
          helpHref={HELP_PAGE_PATH}
        />
      </>,
      app,
    );
  };
  const change = async (next: Settings) => {
    settings = next;
    show();
    notice = await saveAndDescribe(
      next,
      createTranslator(ALL_MESSAGES, resolveLanguage(next.language, uiLanguage)),
    );
    show();
  };
  show();
}

void main();
