import { z } from 'zod';

/**
 * zod for the shared schemas. In a browser, zod never compiles parsers with
 * `new Function` (jitless): the app's Content-Security-Policy forbids eval, so
 * zod's probe for it would only be refused and reported as a CSP violation
 * (Lighthouse's best-practices audit counts it). The server keeps the
 * compiled parsers.
 */
if ('document' in globalThis) z.config({ jitless: true });

export { z };
