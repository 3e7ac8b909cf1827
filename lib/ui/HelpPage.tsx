import type { MessageKey } from '../i18n/all-messages';
import type { Translator } from '../i18n/translator';

export interface HelpPageProps {
  text: Translator<MessageKey>;
}

/** What each of the extension's marks means, what it never does, and what to try when nothing shows. */
export function HelpPage({ text }: HelpPageProps) {
  return (
    <main class="help">
      <h1>{text.t('helpTitle')}</h1>
      <p>{text.t('helpIntro')}</p>
      <h2>{text.t('helpMarkTitle')}</h2>
      <p>{text.t('helpMark')}</p>
      <h2>{text.t('helpBadgesTitle')}</h2>
      <ul>
        <li>{text.t('helpBadgeTerminable')}</li>
        <li>{text.t('helpBadgeSda')}</li>
        <li>{text.t('helpBadgeUnknown')}</li>
      </ul>
      <h2>{text.t('helpGuardTitle')}</h2>
      <p>{text.t('helpGuard')}</p>
      <h2>{text.t('helpNeverTitle')}</h2>
      <p>{text.t('helpNever')}</p>
      <h2>{text.t('helpTroubleTitle')}</h2>
      <p>{text.t('helpTrouble')}</p>
    </main>
  );
}
