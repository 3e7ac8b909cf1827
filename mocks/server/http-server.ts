import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { ScenarioName } from '../data/scenarios';
import { createPortal, type Portal } from '../portal';
import { bodyTooLarge, declaresTooLarge, readCappedBody } from './request-limits';

export interface PortalServer {
  /** `http://localhost:<port>/`: `localhost`, because Firefox's `http://localhost/*` does not cover 127.0.0.1. */
  url: string;
  origin: string;
  portal: Portal;
  close(): Promise<void>;
}

export interface PortalServerOptions {
  port?: number;
  host?: string;
  scenario?: ScenarioName;
  portal?: Portal;
}

const LOCALHOST = 'localhost';
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/;

/**
 * The origin the request was sent to, when the Host header names this server with its port by an
 * address (`localhost`, an IP literal such as `127.0.0.1` or a LAN address, or the host it listens
 * on), so that a page opened on `http://127.0.0.1:4173` is same-origin with its own requests.
 * Any other name falls back to `fallback` (localhost): a page of another site whose name was made to
 * resolve here (DNS rebinding) then stays cross-origin for the control endpoints.
 */
export function requestOrigin(
  hostHeader: string | undefined,
  port: number,
  boundHost: string,
  fallback: string,
): string {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader?.trim().toLowerCase() ?? '');
  if (!match || Number(match[2] ?? 80) !== port) return fallback;
  const name = match[1]!;
  const known = name === LOCALHOST || IP_LITERAL.test(name) || name === boundHost.toLowerCase();
  return known ? `http://${name}:${port}` : fallback;
}

function toRequest(incoming: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** A thin adapter: Node HTTP → `Request` → the portal's MSW handlers (`getResponse`) → Node HTTP. */
export async function startPortalServer(options: PortalServerOptions = {}): Promise<PortalServer> {
  const portal = options.portal ?? createPortal({ scenario: options.scenario });
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  let port = 0;

  const server = createServer(async (incoming, outgoing) => {
    try {
      if (declaresTooLarge(incoming.headers['content-length'])) {
        await send(bodyTooLarge(), outgoing);
        incoming.resume(); // let the client finish sending; the 413 says `connection: close`
        return;
      }
      const body = await readCappedBody(incoming);
      if (!body.ok) {
        if (body.reason === 'abusive') incoming.socket.destroy();
        else await send(bodyTooLarge(), outgoing);
        return;
      }
      const here = requestOrigin(incoming.headers.host, port, host, origin);
      const request = toRequest(incoming, here, body.body);
      const response = await getResponse(portal.handlers, request, { quiet: true });
      if (!response) {
        outgoing.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        outgoing.end('Page introuvable (portail simulé).');
        return;
      }
      // `HttpResponse.error()` is a network error: the client must see the connection drop.
      if (response.type === 'error') {
        incoming.socket.destroy();
        return;
      }
      await send(response, outgoing);
    } catch (error) {
      console.error('[portail simulé]', error);
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end('Erreur interne du portail simulé.');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://localhost:${port}`;

  return {
    url: `${origin}/`,
    origin,
    portal,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
