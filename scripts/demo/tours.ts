/** Which steps `--tour <name>` plays (args.ts names them), and the README shots each one makes. */
import type { TourName } from './args';
import { AUDIT_TOUR_STEPS } from './audit-tour-steps';
import { TOUR_STEPS, type TourStep } from './tour-steps';

export const TOURS: Record<TourName, readonly TourStep[]> = {
  carte: TOUR_STEPS,
  audit: AUDIT_TOUR_STEPS,
};

/** The README's shots of a tour: the steps that take one, in order. */
export function readmeScreenshotsOf(steps: readonly TourStep[]): string[] {
  return steps.flatMap((step) => (step.screenshot ? [step.screenshot.name] : []));
}
