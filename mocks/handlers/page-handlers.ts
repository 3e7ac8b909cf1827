import { http } from 'msw';
import { SERVICE_STATES, SERVICE_TYPES, type ServiceState, type ServiceType } from '../data/model';
import type { ServiceFilter } from '../data/store';
import { errorPage } from '../pages/error-page';
import { homePage } from '../pages/home-page';
import { isTabId, servicePage } from '../pages/service-page';
import { SERVICES_PER_PAGE, servicesListPage } from '../pages/services-list';
import { guarded, type PortalContext, page } from './context';
import { onPath } from './match';

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

export function readFilter(params: URLSearchParams): ServiceFilter {
  return {
    client: params.get('client')?.trim() ?? '',
    query: params.get('service')?.trim() ?? '',
    type: pick<ServiceType>(params.get('type'), SERVICE_TYPES),
    state: pick<ServiceState>(params.get('etat'), SERVICE_STATES),
  };
}

export function pageHandlers(ctx: PortalContext) {
  return [
    http.get(
      onPath('/'),
      guarded(ctx, 'page', ({ request, cookies, user }) =>
        page(ctx, request, cookies, { title: 'Accueil', user }, homePage(user)),
      ),
    ),
    http.get(
      onPath('/services'),
      guarded(ctx, 'page', ({ request, cookies, user }) => {
        const params = new URL(request.url).searchParams;
        const filter = readFilter(params);
        const result = ctx.store.listServices(filter, Number(params.get('page') ?? '1'), SERVICES_PER_PAGE);
        return page(
          ctx,
          request,
          cookies,
          { title: 'Paramétrage / Monitoring', user },
          servicesListPage(filter, result),
        );
      }),
    ),
    http.get(
      onPath('/services/:ref'),
      guarded(ctx, 'page', ({ request, cookies, user, params }) => {
        const service = ctx.store.getService(params.ref ?? '');
        if (!service) {
          return page(
            ctx,
            request,
            cookies,
            { title: 'Service introuvable', user, status: 404 },
            errorPage(
              'Service introuvable',
              `Aucun service ne porte la référence « ${params.ref} ».`,
              '/services',
            ),
          );
        }
        const tab = new URL(request.url).searchParams.get('tab');
        return page(
          ctx,
          request,
          cookies,
          { title: `${service.name} (${service.ref})`, user },
          servicePage(service, isTabId(tab) ? tab : 'informations', {
            detailsInFrame: ctx.variants.has('cadre'),
            terminationWithoutRole: ctx.variants.has('fenetre-sans-role'),
            terminationAriaHidden: ctx.variants.has('modale-aria-hidden'),
            noRefreshAfterTermination: ctx.variants.has('sans-rafraichissement'),
          }),
        );
      }),
    ),
  ];
}
