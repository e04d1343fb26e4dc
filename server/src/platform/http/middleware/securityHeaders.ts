import type { RequestHandler } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[] | null>;

/**
 * The Content-Security-Policy the React client runs under: everything from
 * this origin only, no inline or evaluated script, no inline style sheets
 * (React's `style` props go through the CSSOM, which CSP allows), no plugins,
 * no framing. Socket.IO's WebSocket is same-origin (`'self'` covers ws/wss).
 */
export function cspDirectives(production: boolean): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Behind TLS in production; on a developer's http://localhost an upgrade would break every request.
    upgradeInsecureRequests: production ? [] : null,
  };
}

/** Helmet's headers with our CSP (nosniff, HSTS in production, referrer policy, COOP/CORP, no X-Powered-By). */
export function securityHeaders(production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(production) },
    strictTransportSecurity: production ? undefined : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}
