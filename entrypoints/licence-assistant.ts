import { FEATURES } from '@/lib/features';
import { startHandedOver } from '@/lib/runtime/assistant-main';

// Wiring only: injected by the background into a frame whose detector found licence content
// (lib/runtime/detector-main.ts); it runs with the detector's context, so it stops with it. Nothing
// of the audit is in it: the services list gets its button from entrypoints/audit-start.ts.
export default defineUnlistedScript(() => {
  // Nothing is returned: `executeScript` hands a script's result back to the background.
  void startHandedOver(document, FEATURES);
});
