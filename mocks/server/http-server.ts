import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { ScenarioName } from '../data/scenarios';
import { createPortal, type Portal } from '../portal';

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

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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

  const server = createServer(async (incoming, outgoing) => {
    try {
      const request = toRequest(incoming, origin, await readBody(incoming));
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
  const { port } = server.address() as AddressInfo;
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
