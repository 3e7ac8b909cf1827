import { http } from 'msw';
import { detailsBlock } from '../pages/details-block';
import { historyPane } from '../pages/history-pane';
import { NUMBERS_PER_PAGE, numbersPane } from '../pages/numbers-pane';
import { terminationDialog } from '../pages/termination-dialog';
import { fragment, guarded, type PortalContext, xhrError } from './context';
import { onPath } from './match';

export const UNKNOWN_SERVICE = 'Service introuvable.';
export const UNKNOWN_LICENCE = 'Type de licence inconnu pour ce service.';

/** Pane and dialog contents, loaded by the page's script after "Chargement...". */
export function fragmentHandlers(ctx: PortalContext) {
  return [
    http.get(
      onPath('/services/:ref/details'),
      guarded(ctx, 'xhr', ({ params }) => {
        const service = ctx.store.getService(params.ref ?? '');
        if (!service) return xhrError(404, UNKNOWN_SERVICE);
        return fragment(
          detailsBlock(
            service,
            ctx.store.licenceCounts(service.ref),
            ctx.faults.malformedDetails,
            ctx.variants,
          ),
        );
      }),
    ),
    http.get(
      onPath('/services/:ref/numeros'),
      guarded(ctx, 'xhr', ({ params, request }) => {
        const service = ctx.store.getService(params.ref ?? '');
        if (!service) return xhrError(404, UNKNOWN_SERVICE);
        const search = new URL(request.url).searchParams;
        const query = search.get('q')?.trim() ?? '';
        const result = ctx.store.findSdas(
          service.ref,
          query,
          Number(search.get('page') ?? '1'),
          NUMBERS_PER_PAGE,
        );
        return fragment(numbersPane(service, query, result));
      }),
    ),
    http.get(
      onPath('/services/:ref/historique'),
      guarded(ctx, 'xhr', ({ params }) => {
        const service = ctx.store.getService(params.ref ?? '');
        if (!service) return xhrError(404, UNKNOWN_SERVICE);
        return fragment(historyPane(ctx.store.historyOf(service.ref)));
      }),
    ),
    http.get(
      onPath('/services/:ref/licences/:key/resiliation'),
      guarded(ctx, 'xhr', ({ params }) => {
        const service = ctx.store.getService(params.ref ?? '');
        if (!service) return xhrError(404, UNKNOWN_SERVICE);
        const row = ctx.store.licenceCount(service.ref, params.key ?? '');
        if (!row) return xhrError(404, UNKNOWN_LICENCE);
        return fragment(terminationDialog(service, row, ctx.variants));
      }),
    ),
  ];
}
