import { installCaptureModule } from '@/lib/capture/capture-module';

// Wiring only: the anonymised capture's code, imported by the content script when the user asks
// for a capture (lib/capture/load-capture.ts), so the content script itself stays small.
export default defineUnlistedScript(() => {
  installCaptureModule();
});
