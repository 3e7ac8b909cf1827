import { HttpResponse, http } from 'msw';
import type { ActionResult, OpenedWith } from '../data/store';
import { errorPage } from '../pages/error-page';
import { serviceBase } from '../pages/service-page';
import { HIDDEN_QUANTITY_NAME } from '../pages/termination-dialog';
import { type GuardedInfo, guarded, isXhr, type PortalContext, page } from './context';
import { readForm } from './form';
import { onPath } from './match';

export const SERVER_ERROR_MESSAGE =
  'Une erreur technique est survenue : la résiliation n’a pas été effectuée. Veuillez réessayer plus tard.';

function openedWith(form: URLSearchParams): OpenedWith | undefined {
  const subscribed = form.get('openedSubscribed');
  const active = form.get('openedActive');
  if (subscribed === null || active === null || !/^\d+$/.test(subscribed) || !/^\d+$/.test(active))
    return undefined;
  return { subscribed: Number(subscribed), active: Number(active) };
}

/**
 * XHR (the page's script) gets JSON `{ ok, message }` with the status; a plain form POST gets a
 * redirect to the Détails tab on success, or a French error page.
 */
function answer(ctx: PortalContext, info: GuardedInfo, ref: string, result: ActionResult): Response {
  if (isXhr(info.request)) {
    return HttpResponse.json(
      { ok: result.ok, message: result.message },
      { status: result.ok ? 200 : result.status },
    );
  }
  if (result.ok) {
    return new HttpResponse(null, { status: 303, headers: { Location: `${serviceBase(ref)}?tab=details` } });
  }
  return page(
    ctx,
    info.request,
    info.cookies,
    { title: 'Erreur', user: info.user, status: result.status },
    errorPage('Opération refusée', result.message, serviceBase(ref)),
  );
}

export function actionHandlers(ctx: PortalContext) {
  return [
    http.post(
      onPath('/services/:ref/licences/:key/resiliation'),
      guarded(ctx, 'page', async (info) => {
        const ref = info.params.ref ?? '';
        const form = await readForm(info.request);
        // Faults win over the rules: the server "failed", so nothing may change.
        if (ctx.faults.dropConnection) return HttpResponse.error();
        if (ctx.faults.terminationError) {
          return answer(ctx, info, ref, { ok: false, status: 500, message: SERVER_ERROR_MESSAGE });
        }
        // Variant `copie-cachee`: the server takes the hidden copy, whatever the visible field says.
        const quantity = form.get(ctx.variants.has('copie-cachee') ? HIDDEN_QUANTITY_NAME : 'quantity');
        // Synchronous from here: check and change in one step.
        const result = ctx.store.terminate(ref, info.params.key ?? '', quantity, info.user, openedWith(form));
        return answer(ctx, info, ref, result);
      }),
    ),
    http.post(
      onPath('/services/:ref/numeros/:number/dissociation'),
      guarded(ctx, 'page', (info) => {
        const ref = info.params.ref ?? '';
        return answer(ctx, info, ref, ctx.store.dissociate(ref, info.params.number ?? '', info.user));
      }),
    ),
  ];
}
