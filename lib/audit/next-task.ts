/**
 * Resolves in a task of its own, after every promise continuation already queued: a request waiting
 * for the slot just freed is sent (its continuations are microtasks) before the caller goes on to
 * parse and judge the answer. A message, not a timer: no clamping, no minimum delay.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
