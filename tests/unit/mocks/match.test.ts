// @vitest-environment node
import { getResponse, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { onPath } from '../../../mocks/handlers/match';

const handlers = [
  http.get(onPath('/login'), () => HttpResponse.text('login')),
  http.get(onPath('/services/:ref'), ({ params }) => HttpResponse.text(`service ${params.ref}`)),
];

async function answer(url: string): Promise<string | null> {
  const response = await getResponse(handlers, new Request(url));
  return response ? response.text() : null;
}

describe('onPath: origin-agnostic, exact path matching', () => {
  it.each([
    'http://localhost:4173/login',
    'http://127.0.0.1:9/login',
    'https://demo.extranet.myopenip.fr/login?next=%2Fservices',
    'https://x.extranet.mydstny.fr/login/',
  ])('matches %s', async (url) => {
    expect(await answer(url)).toBe('login');
  });

  it('does not match a longer or shorter path', async () => {
    expect(await answer('http://localhost/other/login')).toBeNull();
    expect(await answer('http://localhost/services')).toBeNull();
    expect(await answer('http://localhost/services/MC-1/details')).toBeNull();
  });

  it('decodes params', async () => {
    expect(await answer('http://localhost/services/MC%2D000123')).toBe('service MC-000123');
  });
});
