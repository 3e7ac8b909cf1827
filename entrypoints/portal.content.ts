import { answerCaptureRequests } from '@/lib/capture/load-capture';
import { FEATURES } from '@/lib/features';
import { mountAuditStart } from '@/lib/features/audit-start';
import { PORTAL_HOST_MATCHES } from '@/lib/hosts';
import { runContentScript } from '@/lib/runtime/content-main';

// Wiring only. The test build widens `matches` to the mocked portal (wxt.config.ts hook).
export default defineContentScript({
  matches: PORTAL_HOST_MATCHES,
  // Early, to read the options while the page loads; the features wait for the parsed document.
  runAt: 'document_start',
  // The Détails tab may be shown in a same-origin frame; frames without licences are left at once.
  allFrames: true,
  async main(ctx) {
    // `ctx.signal` aborts when the extension is updated or removed: the features tear down with it.
    // Nothing else of `ctx` may be used: the build gives a reduced context (wxt.config.ts).
    // The popup's "Enregistrer une capture anonymisée" (the capture code itself loads on demand).
    answerCaptureRequests(document, ctx.signal);
    await runContentScript(ctx, document, FEATURES, [mountAuditStart]);
  },
});
