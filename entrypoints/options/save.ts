import type { MessageKey } from '@/lib/i18n/all-messages';
import type { Translator } from '@/lib/i18n/translator';
import { type Settings, saveSettings } from '@/lib/settings/settings';

/** Saves and says what happened, in the operator's language; a failure loses nothing on screen. */
export async function saveAndDescribe(settings: Settings, text: Translator<MessageKey>): Promise<string> {
  try {
    const area = await saveSettings(settings);
    return text.t(area === 'sync' ? 'optionsSaved' : 'optionsSavedLocal');
  } catch (error) {
    return text.t('optionsSaveFailed', error instanceof Error ? error.message : String(error));
  }
}
