/**
 * Bridges two gaps between Playwright 1.65's WebDriver BiDi driver and stock Firefox ESR 153
 * (see docs/regression-kit.md, "The Firefox bridge"):
 *  1. Playwright sends `emulation.setMediaFeaturesOverride` on every new context; ESR 153 answers
 *     "unknown command" and the context fails. The bridge answers it itself with an empty success.
 *  2. Playwright has no API to install an extension. The bridge sends the standard BiDi command
 *     `webExtension.install` on Playwright's own socket and keeps the answer from Playwright.
 *
 * It works by patching the prototype of the WebSocket class Playwright's transport uses
 * (`playwright-core/lib/utilsBundle` → `ws`). That is a Playwright internal: Playwright is pinned
 * exactly in package.json, and every assumption is checked here so a change fails loudly
 * (`FirefoxBridgeError`) instead of silently testing nothing.
 */
import { createRequire } from 'node:module';

export class FirefoxBridgeError extends Error {
  constructor(message: string) {
    super(
      `Firefox BiDi bridge: ${message}. The bridge depends on Playwright internals ` +
        '(playwright-core/lib/utilsBundle `ws`, BiDi socket URL ending in /session); ' +
        'check docs/regression-kit.md ("The Firefox bridge") after a Playwright upgrade.',
    );
    this.name = 'FirefoxBridgeError';
  }
}

/** The part of the `ws` WebSocket class the bridge relies on. */
interface BridgedSocket {
  url: string;
  readyState: number;
  send(data: unknown, ...rest: unknown[]): void;
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

interface WsClass {
  prototype: BridgedSocket;
  OPEN: number;
}

interface BidiMessage {
  id?: number;
  method?: string;
  type?: string;
  result?: unknown;
  error?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Commands ESR 153 does not know but Playwright sends unconditionally; answered with `{}`. */
const ANSWERED_BY_BRIDGE = new Set(['emulation.setMediaFeaturesOverride']);

/** Far above Playwright's own ids (it counts up from 1) and below its shutdown ids (MAX_SAFE_INTEGER - 2). */
const FIRST_BRIDGE_ID = 2_000_000_000;
let nextBridgeId = FIRST_BRIDGE_ID;

const bidiSockets = new Set<BridgedSocket>();
const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
let installed = false;

function isBidiSocket(socket: BridgedSocket): boolean {
  return typeof socket.url === 'string' && /^ws:\/\/[^/]+\/session$/.test(socket.url);
}

function loadWsClass(): WsClass {
  const require = createRequire(import.meta.url);
  let bundle: { ws?: unknown };
  try {
    bundle = require('playwright-core/lib/utilsBundle');
  } catch (error) {
    throw new FirefoxBridgeError(`cannot load playwright-core/lib/utilsBundle (${String(error)})`);
  }
  const ws = bundle.ws as Partial<WsClass> | undefined;
  const proto = ws?.prototype as Partial<BridgedSocket> | undefined;
  if (typeof ws !== 'function' || typeof proto?.send !== 'function' || typeof proto.emit !== 'function') {
    throw new FirefoxBridgeError('utilsBundle.ws is no longer a WebSocket class with send/emit');
  }
  return ws as WsClass;
}

/** Patches Playwright's WebSocket class once per process. Idempotent. */
export function installFirefoxBidiBridge(): void {
  if (installed) return;
  const ws = loadWsClass();
  const originalSend = ws.prototype.send;
  const originalEmit = ws.prototype.emit;

  ws.prototype.send = function bridgedSend(this: BridgedSocket, data: unknown, ...rest: unknown[]) {
    if (isBidiSocket(this) && typeof data === 'string') {
      bidiSockets.add(this);
      const message = safeParse(data);
      if (message?.method && message.id !== undefined && ANSWERED_BY_BRIDGE.has(message.method)) {
        const answer = JSON.stringify({ type: 'success', id: message.id, result: {} });
        // Asynchronously, like a real answer, so Playwright has registered its callback.
        setImmediate(() => originalEmit.call(this, 'message', Buffer.from(answer), false));
        return;
      }
    }
    originalSend.call(this, data, ...rest);
  };

  ws.prototype.emit = function bridgedEmit(this: BridgedSocket, event: string | symbol, ...args: unknown[]) {
    if (event === 'message' && isBidiSocket(this)) {
      const message = safeParse(String(args[0]));
      if (message) watchExtensionPageRealms(this, message, originalEmit);
      if (message?.id !== undefined && message.id >= FIRST_BRIDGE_ID && pending.has(message.id)) {
        const waiter = pending.get(message.id)!;
        pending.delete(message.id);
        if (message.type === 'error') {
          waiter.reject(new Error(`${message.error ?? 'error'}: ${message.message ?? ''}`));
        } else {
          waiter.resolve(message.result);
        }
        return true; // Playwright never sees answers to commands it did not send.
      }
    }
    if (event === 'close') bidiSockets.delete(this);
    return originalEmit.call(this, event, ...args);
  };
  installed = true;
}

interface RealmInfo {
  realm: string;
  origin: string;
  context: string;
  type: string;
  sandbox?: string;
}

/** Realms announced per browsing context since its last moz-extension:// commit. */
const announcedRealms = new Map<string, Set<string>>();

/**
 * Gap 3, seen with ESR 153: after a navigation to a `moz-extension://` page, Firefox sometimes never
 * sends `script.realmCreated` for the page's window realm (the page lives in the extension process),
 * and every Playwright evaluation on it then hangs. After such a commit the bridge asks Firefox
 * for the context's realms (`script.getRealms`) and announces the missing one itself.
 */
function watchExtensionPageRealms(
  socket: BridgedSocket,
  message: BidiMessage,
  emit: BridgedSocket['emit'],
): void {
  if (message.type !== 'event') return;
  const params = message.params ?? {};
  if (message.method === 'script.realmCreated' && typeof params.context === 'string') {
    announcedRealms.get(params.context)?.add(String(params.realm));
    return;
  }
  if (message.method !== 'browsingContext.navigationCommitted') return;
  const context = String(params.context);
  if (!String(params.url).startsWith('moz-extension://')) {
    announcedRealms.delete(context);
    return;
  }
  const announced = new Set<string>();
  announcedRealms.set(context, announced);
  setTimeout(() => {
    sendBidiCommand(socket, 'script.getRealms', { context, type: 'window' })
      .then((result) => {
        const realms = ((result as { realms?: RealmInfo[] } | undefined)?.realms ?? []).filter(
          (realm) =>
            !realm.sandbox && realm.origin.startsWith('moz-extension://') && !announced.has(realm.realm),
        );
        for (const realm of realms) {
          const event = { type: 'event', method: 'script.realmCreated', params: { ...realm, context } };
          emit.call(socket, 'message', Buffer.from(JSON.stringify(event)), false);
        }
      })
      .catch(() => {}); // The page may be gone already; nothing to repair then.
  }, 250);
}

function safeParse(data: string): BidiMessage | null {
  try {
    return JSON.parse(data) as BidiMessage;
  } catch {
    return null;
  }
}

/** The BiDi sockets currently open (used to find the one a launch just created). */
export function openBidiSockets(): ReadonlySet<BridgedSocket> {
  return new Set(bidiSockets);
}

/** Sends one BiDi command on Playwright's socket and waits for its answer. */
export function sendBidiCommand(
  socket: BridgedSocket,
  method: string,
  params: object,
  timeoutMs = 15_000,
): Promise<unknown> {
  if (!installed) throw new FirefoxBridgeError('installFirefoxBidiBridge() was not called before the launch');
  const id = nextBridgeId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new FirefoxBridgeError(`no answer to ${method} within ${timeoutMs} ms`));
    }, timeoutMs);
    pending.set(id, {
      resolve: (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    socket.send(JSON.stringify({ id, method, params }));
  });
}

/** Installs an unpacked extension folder as a temporary add-on; returns the add-on id Firefox reports. */
export async function installWebExtension(socket: BridgedSocket, extensionDir: string): Promise<string> {
  const result = (await sendBidiCommand(socket, 'webExtension.install', {
    extensionData: { type: 'path', path: extensionDir },
  })) as { extension?: unknown } | undefined;
  if (typeof result?.extension !== 'string') {
    throw new FirefoxBridgeError(
      `webExtension.install answered without an extension id: ${JSON.stringify(result)}`,
    );
  }
  return result.extension;
}
