import type { MessageKey } from '../i18n/all-messages';
import type { LanguageOption } from '../i18n/format';
import type { Translator } from '../i18n/translator';
import { AUDIT_PACES, FEATURE_IDS, type FeatureId, type Settings } from '../settings/settings';

export interface OptionsFormProps {
  settings: Settings;
  text: Translator<MessageKey>;
  /** What happened to the last save, shown in a live region (`null` before any). */
  notice: string | null;
  onChange: (settings: Settings) => void;
  /** Where the help page is (opened in a new tab). */
  helpHref: string;
}

const FEATURE_LABELS: Record<FeatureId, MessageKey> = {
  annotations: 'optionAnnotations',
  sdaFlags: 'optionSdaFlags',
  summary: 'optionSummary',
  guard: 'optionGuard',
};

const LANGUAGES: readonly [LanguageOption, MessageKey][] = [
  ['auto', 'languageAuto'],
  ['fr', 'languageFr'],
  ['en', 'languageEn'],
];

/** Each feature on or off, the language and the audit's pace; every change is saved at once. */
export function OptionsForm({ settings, text, notice, onChange, helpHref }: OptionsFormProps) {
  const setFeature = (id: FeatureId, on: boolean) =>
    onChange({ ...settings, features: { ...settings.features, [id]: on } });
  return (
    <main>
      <h1>{text.t('optionsTitle')}</h1>
      <fieldset>
        <legend>{text.t('optionsFeatures')}</legend>
        {FEATURE_IDS.map((id) => (
          <p key={id}>
            <label>
              <input
                type="checkbox"
                name={id}
                checked={settings.features[id]}
                onChange={(event) => setFeature(id, (event.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {text.t(FEATURE_LABELS[id])}
            </label>
          </p>
        ))}
      </fieldset>
      <p>
        <label>
          {text.t('optionLanguage')}{' '}
          <select
            name="language"
            value={settings.language}
            onChange={(event) =>
              onChange({
                ...settings,
                language: (event.currentTarget as HTMLSelectElement).value as LanguageOption,
              })
            }
          >
            {LANGUAGES.map(([value, key]) => (
              <option key={value} value={value}>
                {text.t(key)}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <label>
          {text.t('optionAuditPace')}{' '}
          <select
            name="auditPace"
            value={String(settings.auditPace)}
            onChange={(event) =>
              onChange({ ...settings, auditPace: Number((event.currentTarget as HTMLSelectElement).value) })
            }
          >
            {AUDIT_PACES.map((pace) => (
              <option key={pace} value={String(pace)}>
                {pace === 0 ? text.t('auditPaceOff') : String(pace)}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p role="status" aria-live="polite">
        {notice ?? ''}
      </p>
      <footer>
        <a href={helpHref} target="_blank" rel="noopener">
          {text.t('popupHelp')}
        </a>
      </footer>
    </main>
  );
}

export interface OptionsLoadErrorProps {
  text: Translator<MessageKey>;
  /** What the browser said (its own words: the storage error's message). */
  error: string;
  helpHref: string;
}

/** Instead of the form when the stored options cannot be read: a blank page would say nothing. */
export function OptionsLoadError({ text, error, helpHref }: OptionsLoadErrorProps) {
  return (
    <main>
      <h1>{text.t('optionsTitle')}</h1>
      <p role="alert">{text.t('optionsLoadFailed', error)}</p>
      <footer>
        <a href={helpHref} target="_blank" rel="noopener">
          {text.t('popupHelp')}
        </a>
      </footer>
    </main>
  );
}
