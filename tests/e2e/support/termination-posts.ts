/**
 * What the guard's specs need to tell a sent termination from a blocked one: the termination POSTs that
 * reached the mocked portal, counted (the handler lets each one through), and the fixtures they use.
 */
import type { Page } from '@playwright/test';
import { http } from 'msw';
import type { Portal } from '../../../mocks/portal';

/** Counts the termination POSTs that reach the portal (the handler lets each one through). */
export function countTerminationPosts(portal: Portal): () => number {
  let posts = 0;
  portal.use(
    http.post(/\/licences\/[^/]+\/resiliation$/, () => {
      posts += 1;
      return undefined;
    }),
  );
  return () => posts;
}

/** The fixtures a spec passes to its own opening helper. */
export interface PortalFixtures {
  page: Page;
  portal: Portal;
  portalOrigin: string;
  credentials: { login: string; password: string };
}
