import { Router } from 'express';
import { cspWithInlineStyle } from './middleware/securityHeaders';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi/document';
import { DOCS_CSS, renderDocsHtml } from './openapi/html';

/** GET /openapi.json (the OpenAPI 3.1 description) and GET /docs (a browsable HTML reference). */
export function docsRouter(production: boolean): Router {
  const router = Router();
  // Built once, on first request; the registry does not change while the server runs.
  let doc: OpenApiDocument | undefined;
  let html: string | undefined;
  const document = () => {
    doc ??= buildOpenApiDocument();
    return doc;
  };

  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(document());
  });
  router.get('/docs', cspWithInlineStyle(production, DOCS_CSS), (_req, res) => {
    html ??= renderDocsHtml(document());
    res.set('Cache-Control', 'public, max-age=300').type('html').send(html);
  });
  return router;
}
