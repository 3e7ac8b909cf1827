/**
 * Which rows the operator sees, learnt without asking for a layout: an `IntersectionObserver` is told
 * at the browser's next rendering step, when the layout is done anyway. Reading each row's box in
 * the first task instead (`getBoundingClientRect`) forced a layout of the freshly inserted 200-row
 * block inside our task (~30 ms in a CPU profile). Until the first answer the rows go in page order
 * (the first slice); the slicer puts the rows in view first as soon as it knows them.
 */
import type { RowPriority } from './slices';

export interface ViewportOrder extends RowPriority {
  stop(): void;
}

type ObserverClass = typeof IntersectionObserver;

/** `null` where the browser has no IntersectionObserver: page order then. */
export function watchViewport(
  elements: readonly Element[],
  Observer: ObserverClass | null = globalThis.IntersectionObserver ?? null,
): ViewportOrder | null {
  if (!Observer) return null;
  const seen = new Set<Element>();
  let version = 0;
  const observer = new Observer((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) seen.add(entry.target);
      else seen.delete(entry.target);
    }
    version += 1;
  });
  for (const element of elements) observer.observe(element);
  return {
    version: () => version,
    inView: (element) => seen.has(element),
    stop: () => observer.disconnect(),
  };
}
