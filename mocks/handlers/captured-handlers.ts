import { HttpResponse, http } from 'msw';
import { capturedFixtures, capturedPage } from '../captured';
import { onPath } from './match';

/**
 * Captured pages served back as markup variants of the portal: `/__variants/captured/<name>` (and the
 * list at `/__variants/captured/`), so the e2e kit runs the extension on a real page's structure.
 * Static pages: no session, no script (a capture has none).
 */
export function capturedHandlers() {
  return [
    http.get(onPath('/__variants/captured'), () =>
      HttpResponse.json({ captured: capturedFixtures().map((fixture) => fixture.name) }),
    ),
    http.get(onPath('/__variants/captured/:name'), ({ params }) => {
      const page = capturedPage(String(params.name ?? ''));
      if (page === null)
        return new HttpResponse('Capture inconnue.', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      return new HttpResponse(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }),
  ];
}
