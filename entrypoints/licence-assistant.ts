import { FEATURES } from '@/lib/features';
import { mountAuditStart } from '@/lib/features/audit-start';
import { startHandedOver } from '@/lib/runtime/assistant-main';

// Wiring only: injected by the background into a frame whose detector found licence content or the
// services list (lib/runtime/detector-main.ts); it runs with the detector's context, so it stops with it.
export default defineUnlistedScript(() => {
  // Nothing is returned: `executeScript` hands a script's result back to the background.
  void startHandedOver(document, FEATURES, [mountAuditStart]);
});
