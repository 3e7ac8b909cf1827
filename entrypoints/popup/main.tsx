import { render } from 'preact';
import { browser } from 'wxt/browser';
import { auditPageQuery } from '@/lib/audit/messages';
import { HELP_PAGE_PATH } from '@/lib/help-page';
import { ALL_MESSAGES } from '@/lib/i18n/all-messages';
import { resolveLanguage } from '@/lib/i18n/format';
import { createTranslator } from '@/lib/i18n/translator';
import { browserUiLanguage } from '@/lib/i18n/ui-language';
import { defaultSettings, loadSettings } from '@/lib/settings/settings';
import { type PopupState, PopupView } from '@/lib/ui/PopupView';
import { EXTENSION_PAGE_CSS } from '@/lib/ui/page-css';
import { captureTab } from './popup-capture';
import { loadPopupState, portalTab, requestPortalAccess, targetTabId } from './popup-state';

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
  const tab = await portalTab(location.search);
  const onAudit = tab
    ? () => {
        void browser.tabs
          .create({ url: browser.runtime.getURL(`/audit.html${auditPageQuery(tab.url, tab.id)}`) })
          .then(() => window.close());
      }
    : undefined;
  const tabId = await targetTabId(location.search);
  const onReload =
    tabId === null
      ? undefined
      : () =>
          void browser.tabs.reload(tabId).then(
            () => window.close(),
            () => {},
          );
  // Granted: the open portal tabs still run nothing until reloaded (the browser injects on load only).
  const onGrant = () =>
    void requestPortalAccess().then((granted) => {
      if (granted) show({ kind: 'no-content-script', why: 'reload' });
    });
  const show = (state: PopupState) =>
    render(
      <>
        <style>{EXTENSION_PAGE_CSS}</style>
        <PopupView
          state={state}
          text={text}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
          onAudit={onAudit}
          version={browser.runtime.getManifest().version}
          helpHref={HELP_PAGE_PATH}
          capture={() => captureTab(location.search)}
          onGrant={onGrant}
          onReload={onReload}
        />
      </>,
      app,
    );
  show({ kind: 'loading' });
  show(await loadPopupState(location.search));
}

void main();
