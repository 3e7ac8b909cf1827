import { render } from 'preact';
import { HELP_PAGE_PATH } from '@/lib/help-page';
import { ALL_MESSAGES } from '@/lib/i18n/all-messages';
import { resolveLanguage } from '@/lib/i18n/format';
import { createTranslator } from '@/lib/i18n/translator';
import { browserUiLanguage } from '@/lib/i18n/ui-language';
import { loadSettings, newest, type Settings, watchSettings } from '@/lib/settings/settings';
import { settingsDamaged } from '@/lib/settings/settings-check';
import { readStoredAreas } from '@/lib/settings/stored-areas';
import { OptionsForm, OptionsLoadError } from '@/lib/ui/OptionsForm';
import { EXTENSION_PAGE_CSS } from '@/lib/ui/page-css';
import { saveAndDescribe } from './save';

async function main() {
  const app = document.getElementById('app');
  if (!app) return;
  const uiLanguage = browserUiLanguage();
  let settings: Settings;
  const areas = readStoredAreas();
  try {
    ({ settings } = await loadSettings(areas));
  } catch (error) {
    // Neither storage area can be read: say so, in the browser's language (no settings to ask).
    const language = resolveLanguage('auto', uiLanguage);
    document.documentElement.lang = language;
    const text = createTranslator(ALL_MESSAGES, language);
    const detail = error instanceof Error ? error.message : String(error);
    render(
      <>
        <style>{EXTENSION_PAGE_CSS}</style>
        <OptionsLoadError text={text} error={detail} helpHref={HELP_PAGE_PATH} />
      </>,
      app,
    );
    return;
  }
  // Something stored that this version cannot use is shown as its default: say so, once.
  let notice: string | null = settingsDamaged(newest(await areas).raw)
    ? createTranslator(ALL_MESSAGES, resolveLanguage(settings.language, uiLanguage)).t('optionsRepaired')
    : null;

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
  // Saves under way here: their own echoes (and older values read back meanwhile) are not shown.
  let saving = 0;
  const change = async (next: Settings) => {
    settings = next;
    show();
    saving += 1;
    notice = await saveAndDescribe(
      next,
      createTranslator(ALL_MESSAGES, resolveLanguage(next.language, uiLanguage)),
    );
    saving -= 1;
    show();
  };
  // The options open in another tab too (or changed by the audit page): show what was saved there,
  // so that a change made here, which saves the whole form, does not undo it.
  watchSettings((stored) => {
    if (saving > 0) return;
    settings = stored;
    show();
  }, new AbortController().signal);
  show();
}

void main();
