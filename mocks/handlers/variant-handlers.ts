import { HttpResponse, http } from 'msw';
import { parseVariantNames, VARIANT_PARAM, type VariantName } from '../variants';
import { onPath } from './match';

interface VariantControl {
  setVariants(names: readonly VariantName[]): void;
  state(): object;
}

/**
 * `?variante=a,b` on any request switches the portal's markup variants, then falls through to the
 * real handler (an MSW resolver that returns nothing hands the request on). An unknown name answers
 * 400 with the known ones, so a typo never silently tests the faithful markup.
 */
export function variantHandlers(control: VariantControl) {
  return [
    http.all('*', ({ request }) => {
      const asked = new URL(request.url).searchParams.get(VARIANT_PARAM);
      if (asked === null) return undefined;
      const parsed = parseVariantNames(asked);
      if (!parsed.ok) {
        return new HttpResponse(parsed.message, {
          status: 400,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      }
      control.setVariants(parsed.names);
      return undefined;
    }),
    http.post(onPath('/__mock/variants'), async ({ request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return HttpResponse.json({ ok: false, message: 'Corps JSON illisible.' }, { status: 400 });
      }
      const names = typeof body === 'object' && body !== null ? Reflect.get(body, 'names') : undefined;
      const parsed = parseVariantNames(names);
      if (!parsed.ok) return HttpResponse.json({ ok: false, message: parsed.message }, { status: 400 });
      control.setVariants(parsed.names);
      return HttpResponse.json(control.state());
    }),
  ];
}
