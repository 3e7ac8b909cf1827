import { PORTAL_HOST_MATCHES } from '@/lib/hosts';

// Placeholder: the feature manager is wired here (see issue 3).
export default defineContentScript({
  matches: PORTAL_HOST_MATCHES,
  main() {},
});
