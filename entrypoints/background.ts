import { browser } from 'wxt/browser';
import { auditPageQuery, isOpenAuditRequest } from '@/lib/audit/messages';
import { answerPageMessagesRequests } from '@/lib/i18n/page-messages-service';
import { answerAssistantRequests } from '@/lib/runtime/assistant-loader';

// The content script ships no messages: it asks here for a language the browser does not speak.
// It is a detector only: it asks here for the assistant once licence content (or the list) shows up.
// The portal's list page asks here to open the audit page (a content script cannot open one itself).
export default defineBackground(() => {
  answerPageMessagesRequests();
  answerAssistantRequests();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const from = sender.url ?? sender.tab?.url;
    if (!isOpenAuditRequest(message) || !from || !sender.tab) return undefined;
    // The page the request came from, as the browser says it (never an address from the message).
    const query = auditPageQuery(from, sender.tab.id);
    void browser.tabs.create({
      url: browser.runtime.getURL(`/audit.html${query}`),
      index: (sender.tab.index ?? 0) + 1,
    });
    return undefined;
  });
});
