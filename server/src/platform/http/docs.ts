import path from 'node:path';
import express from 'express';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { type AnyRoute, routeFor } from './route';

const route = routeFor<unknown>();
const pageDir = path.join(__dirname, 'docs');
const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/**
 * GET /openapi.json, generated from the route declarations (built once, on
 * first request), and GET /docs, the reference page: Swagger UI from the
 * npm package, served from our own origin under our content security policy.
 */
export function docsRoutes(api: () => AnyRoute[]) {
  let doc: OpenApiDocument | undefined;
  return [
    route({
      method: 'get',
      path: '/openapi.json',
      tag: 'System',
      summary: 'This OpenAPI description',
      access: 'public',
      responses: { 200: 'The OpenAPI 3.1 document' },
      responseShape: 'json',
      handler({ res }) {
        doc ??= buildOpenApiDocument(api());
        res.set('Cache-Control', 'public, max-age=300');
        return doc;
      },
    }),
    route({
      method: 'get',
      path: '/docs',
      tag: 'System',
      summary: 'A browsable reference of this API, with try-it-out',
      access: 'public',
      responses: { 200: 'An HTML page' },
      responseShape: 'html',
      handler({ res }) {
        res.set('Cache-Control', 'public, max-age=300').sendFile(path.join(pageDir, 'index.html'));
      },
    }),
  ];
}

/** The reference page's scripts and styles (Swagger UI's, and ours beside them). */
export function docsAssets(): express.Router {
  const router = express.Router();
  const files = { maxAge: '1d', index: false, fallthrough: true } as const;
  router.use('/docs/assets', express.static(pageDir, files), express.static(swaggerDir, files));
  return router;
}
