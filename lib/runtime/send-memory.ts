/**
 * What a guard remembers of the sends it let through, until the page answers (its dialog's text
 * changes): "one send at a time" (the rules: lib/licences/one-send.ts).
 */
import type { DialogLimit } from '../licences/judge-page';
import { asksTooMuch } from '../licences/one-send';

/**
 * A send let through that the page has not answered yet (the dialog's text is as it was): a second
 * one (a double click, Enter held, a page clicking twice) is judged with it, against the maximum.
 */
export interface Sent {
  value: number;
  text: string | null;
  /** The event types of that send so far, while its task runs (a click and its submit: one send). */
  types: Set<string> | null;
  /** A second send was refused: said until the page answers. */
  refused: boolean;
}

/** A guard's dialog, its limit now and its last send. */
export interface SendMemory {
  dialog: HTMLElement;
  limit: DialogLimit;
  sent: Sent | null;
}

/** The send `memory` let through, while the page has not answered it (the dialog's text unchanged). */
export function pendingSent(memory: SendMemory): Sent | null {
  if (memory.sent && memory.sent.text !== memory.dialog.textContent) memory.sent = null;
  return memory.sent;
}

/**
 * Whether a send of `value` by an event of `type` — when it is not the next event of the send being let
 * through — would, with the one before it, ask more than the maximum. Recorded when `record`.
 */
export function sendsTwice(memory: SendMemory, type: string, value: number, record: boolean): boolean {
  const sent = pendingSent(memory);
  // Its task still running, an event of another type is the same send (a click and its submit).
  if (sent?.types && !sent.types.has(type)) {
    if (record) sent.types.add(type);
    return false;
  }
  if (sent && asksTooMuch(sent.value, value, memory.limit)) return true;
  if (record) {
    const next: Sent = {
      value: value + (sent?.value ?? 0),
      text: memory.dialog.textContent,
      types: new Set([type]),
      refused: false,
    };
    memory.sent = next;
    // The task over, the next event is another send.
    setTimeout(() => {
      next.types = null;
    }, 0);
  }
  return false;
}
