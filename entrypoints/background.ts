import { answerPageMessagesRequests } from '@/lib/i18n/page-messages-service';

// The content script ships no messages: it asks here for a language the browser does not speak.
export default defineBackground(() => {
  answerPageMessagesRequests();
});
