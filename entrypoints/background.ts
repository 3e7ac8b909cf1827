import { answerPageMessagesRequests } from '@/lib/i18n/page-messages-service';
import { answerAssistantRequests } from '@/lib/runtime/assistant-loader';

// The content script ships no messages: it asks here for a language the browser does not speak.
// It is a detector only: it asks here for the assistant once licence content shows up.
export default defineBackground(() => {
  answerPageMessagesRequests();
  answerAssistantRequests();
});
