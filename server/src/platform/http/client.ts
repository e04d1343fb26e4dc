import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../logger';
import { type PageRenderer, renderPage } from './pages';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};
const compressible = new Set(Object.keys(types));

interface Encoded {
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** A body in the encodings the client accepts: brotli, then gzip, else as it is (with Vary). */
export function sendEncoded(req: Request, res: Response, body: Encoded): void {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  res.vary('Accept-Encoding');
  if (/\bbr\b/.test(accepts)) {
    res.setHeader('Content-Encoding', 'br');
    res.end(body.br);
  } else if (/\bgzip\b/.test(accepts)) {
    res.setHeader('Content-Encoding', 'gzip');
    res.end(body.gzip);
  } else {
    res.end(body.raw);
  }
}

/** Compresses a small, dynamic body (a page, the sitemap) for sendEncoded. */
export function encode(text: string): Encoded {
  const raw = Buffer.from(text);
  return {
    raw,
    gzip: zlib.gzipSync(raw),
    br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  };
}

const bareShell =
  '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="UTF-8" />\n<title>TechBridge</title>\n</head>\n<body>\n<div id="root"></div>\n</body>\n</html>\n';

/** The built files: compressed once (brotli and gzip, kept in memory); hashed /assets cached for a year. */
function serveFiles(router: Router, dist: string): void {
  const files = new Map<string, Encoded>();
  const encoded = (file: string): Encoded => {
    let entry = files.get(file);
    if (!entry) {
      const raw = fs.readFileSync(file);
      entry = {
        raw,
        gzip: zlib.gzipSync(raw, { level: 9 }),
        br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      };
      files.set(file, entry);
    }
    return entry;
  };

  router.get(/^\/(assets\/[\w.-]+|[\w-]+\.(?:svg|txt|json|css|js))$/, (req, res, next) => {
    const relative = req.path.slice(1);
    const file = path.join(dist, relative);
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return next();
    const ext = path.extname(file);
    if (!compressible.has(ext)) return next();
    res.setHeader('Content-Type', types[ext]);
    res.setHeader(
      'Cache-Control',
      relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    );
    sendEncoded(req, res, encoded(file));
  });
  // Images and anything else: as they are.
  router.use(express.static(dist, { index: false, maxAge: '1h' }));
}

/**
 * The React app: the built files (when built), /robots.txt and /sitemap.xml,
 * and every other path answered by index.html with the page's head and a
 * pre-rendered first view when the page renderer knows the path.
 */
export function clientApp(dist: string | null, log: Logger, pages?: PageRenderer): Router {
  const router = express.Router();
  // Without a built client (API-only runs, the integration tests) pages are still rendered, in a bare shell.
  const template = dist ? fs.readFileSync(path.join(dist, 'index.html'), 'utf8') : bareShell;
  if (dist) serveFiles(router, dist);

  if (pages) {
    router.get('/robots.txt', (req, res) => {
      res.type('text/plain').setHeader('Cache-Control', 'public, max-age=3600');
      res.send(pages.robots(req));
    });
    router.get('/sitemap.xml', async (req, res, next) => {
      try {
        const xml = await pages.sitemap(req);
        res.type('application/xml').setHeader('Cache-Control', 'public, max-age=600');
        sendEncoded(req, res, encode(xml));
      } catch (err) {
        next(err);
      }
    });
  }

  router.get(/^(?!\/api\/|\/socket\.io\/).*/, async (req, res) => {
    let page = null;
    try {
      page = pages ? await pages.page(req) : null;
    } catch (err) {
      // The app still works without its pre-rendered first view (the search index may be down).
      log.warn({ err: (err as Error).message, path: req.path }, 'page not pre-rendered');
    }
    res.type('html').setHeader('Cache-Control', 'no-cache');
    if (page?.status) res.status(page.status);
    sendEncoded(req, res, encode(page ? renderPage(template, page) : template));
  });
  return router;
}
