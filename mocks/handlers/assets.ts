import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpResponse, http } from 'msw';
import { onPath } from './match';

const require = createRequire(import.meta.url);
const bootstrapDir = join(dirname(require.resolve('bootstrap/package.json')), 'dist');
const jqueryDir = join(dirname(require.resolve('jquery/package.json')), 'dist');
// A string, not `new URL(…)`: under a happy-dom test environment the global URL is not Node's.
const ownDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  eot: 'application/vnd.ms-fontobject',
  svg: 'image/svg+xml',
};

/** URL path → file on disk. Read once, on first request, then served from memory. */
const FILES: Record<string, string> = {
  '/assets/bootstrap/css/bootstrap.min.css': join(bootstrapDir, 'css/bootstrap.min.css'),
  '/assets/bootstrap/js/bootstrap.min.js': join(bootstrapDir, 'js/bootstrap.min.js'),
  '/assets/jquery/jquery.min.js': join(jqueryDir, 'jquery.min.js'),
  '/assets/portal.js': join(ownDir, 'portal.js'),
  '/assets/portal.css': join(ownDir, 'portal.css'),
  ...Object.fromEntries(
    ['eot', 'svg', 'ttf', 'woff', 'woff2'].map((ext) => [
      `/assets/bootstrap/fonts/glyphicons-halflings-regular.${ext}`,
      join(bootstrapDir, `fonts/glyphicons-halflings-regular.${ext}`),
    ]),
  ),
};

const cache = new Map<string, Uint8Array>();

function load(path: string): Uint8Array | null {
  const file = FILES[path];
  if (!file) return null;
  let body = cache.get(path);
  if (!body) {
    body = new Uint8Array(readFileSync(file));
    cache.set(path, body);
  }
  return body;
}

export function assetHandlers() {
  return [
    http.get(onPath('/favicon.ico'), () => new HttpResponse(null, { status: 204 })),
    http.get(
      ({ request }) => new URL(request.url).pathname.startsWith('/assets/'),
      ({ request }) => {
        const path = new URL(request.url).pathname;
        const body = load(path);
        if (!body) return new HttpResponse('Fichier introuvable.', { status: 404 });
        const ext = path.slice(path.lastIndexOf('.') + 1);
        return new HttpResponse(body.slice().buffer, {
          headers: { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' },
        });
      },
    ),
  ];
}
