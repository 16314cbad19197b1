import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildAssets, type Asset } from './assets.js';

export interface LookingGlassOptions {
  /** Where the page lives; default /looking-glass. The page calls the API at the parent path. */
  path?: string;
}

/** No inline code, no third parties, no framing: the page only talks to the API that served it. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Revalidate every time (cheap with the ETag) so an upgrade never serves a stale script.
  'cache-control': 'no-cache',
};

/**
 * Serve the looking glass single-page app at `${path}/`. The page itself is
 * static and public (it holds no data); every data call it makes is POST /
 * to the management API with the credentials the user types, so the API's
 * own authentication and roles apply.
 */
export function registerLookingGlass(app: FastifyInstance, options: LookingGlassOptions = {}): void {
  const path = (options.path ?? '/looking-glass').replace(/\/+$/, '');
  const assets = buildAssets();

  const send = (req: FastifyRequest, reply: FastifyReply, a: Asset): FastifyReply => {
    reply.headers(SECURITY_HEADERS).header('etag', a.etag);
    if (req.headers['if-none-match'] === a.etag) return reply.code(304).send();
    return reply.type(a.type).send(a.body);
  };

  app.get(`${path}/`, (req, reply) => {
    // With ignoreTrailingSlash this route also answers `${path}`, where the page's relative URLs would break.
    if (!req.url.split('?')[0]!.endsWith('/')) return reply.redirect(`${path}/`, 301);
    return send(req, reply, assets.get('')!);
  });
  app.get<{ Params: { file: string } }>(`${path}/:file`, (req, reply) => {
    const a = assets.get(req.params.file);
    if (!a) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return send(req, reply, a);
  });
  if (!app.hasRoute({ method: 'GET', url: path })) app.get(path, (_req, reply) => reply.redirect(`${path}/`, 301));
}
