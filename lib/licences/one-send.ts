/**
 * One send at a time, the rules (no DOM): a send let through that the page has not answered yet is
 * still in flight; a second one (a double click, Enter held, a page clicking twice) is judged with it,
 * against the most the dialog allows. The memory of what was sent is lib/runtime/send-memory.ts.
 */
import type { DialogLimit } from './judge-page';

/** The most the dialog may terminate, when known (a maximum, or a bound of an unknown one). */
export function boundOf(limit: DialogLimit): number | null {
  return limit.kind === 'max' ? limit.max : (limit.atMost ?? null);
}

/** Whether sending `value` while `pending` is still in flight asks, with it, more than the dialog allows. */
export function asksTooMuch(pending: number, value: number, limit: DialogLimit): boolean {
  const bound = boundOf(limit);
  return bound !== null && pending + value > bound;
}
