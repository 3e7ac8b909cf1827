import { mountAuditStart } from '@/lib/features/audit-start';
import { startPageAddition } from '@/lib/runtime/page-addition-main';

// Wiring only: injected by the background into the top frame of the services list, whose detector
// asked for it (lib/runtime/detector-main.ts); it runs with the detector's context, so it stops with it.
export default defineUnlistedScript(() => {
  // Nothing is returned: `executeScript` hands a script's result back to the background.
  void startPageAddition(document, 'audit-start', mountAuditStart);
});
