import { answerCaptureRequests } from '@/lib/capture/load-capture';
import { PORTAL_HOST_MATCHES } from '@/lib/hosts';
import { startDetector } from '@/lib/runtime/detector-main';

// Wiring only. The test build widens `matches` to the mocked portal (wxt.config.ts hook).
export default defineContentScript({
  matches: PORTAL_HOST_MATCHES,
  // Every frame: a frame without licence content only ever runs the detector.
  allFrames: true,
  // Early, so licence content is noticed as the parser adds it and the assistant loads meanwhile.
  runAt: 'document_start',
  main(ctx) {
    // `ctx.signal` aborts when the extension is updated or removed: the detector and the assistant
    // it hands over to stop with it. Nothing else of `ctx` may be used (reduced context, wxt.config.ts).
    // The popup's "Enregistrer une capture anonymisée" on any portal page (its code loads on demand).
    answerCaptureRequests(document, ctx.signal);
    startDetector(ctx, document);
  },
});
