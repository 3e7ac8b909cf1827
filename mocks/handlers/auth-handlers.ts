import { HttpResponse, http } from 'msw';
import { checkCredentials, SESSION_COOKIE, safeNext } from '../auth';
import { loginPage } from '../pages/login';
import { type PortalContext, page, wait } from './context';
import { readForm } from './form';
import { onPath } from './match';

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

export function authHandlers(ctx: PortalContext) {
  return [
    http.get(onPath('/login'), async ({ request, cookies }) => {
      await wait(ctx.faults.latencyMs);
      const url = new URL(request.url);
      const next = url.searchParams.get('next');
      return page(
        ctx,
        request,
        cookies,
        { title: 'Connexion', user: null },
        loginPage({
          login: '',
          next: safeNext(next),
          error: null,
          notice: next ? 'Veuillez vous connecter pour accéder à cette page.' : null,
        }),
      );
    }),
    http.post(onPath('/login'), async ({ request, cookies }) => {
      await wait(ctx.faults.latencyMs);
      const form = await readForm(request);
      const login = form.get('login') ?? '';
      const next = safeNext(form.get('next'));
      const user = checkCredentials(login, form.get('password') ?? '');
      if (!user) {
        return page(
          ctx,
          request,
          cookies,
          { title: 'Connexion', user: null },
          loginPage({ login, next, error: BAD_CREDENTIALS, notice: null }),
        );
      }
      const id = ctx.sessions.create(user);
      return new HttpResponse(null, {
        status: 303,
        headers: { Location: next, 'Set-Cookie': `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` },
      });
    }),
    http.all(onPath('/logout'), ({ cookies }) => {
      ctx.sessions.end(cookies[SESSION_COOKIE]);
      return new HttpResponse(null, {
        status: 303,
        headers: {
          Location: '/login',
          'Set-Cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; Max-Age=0; SameSite=Lax`,
        },
      });
    }),
  ];
}
