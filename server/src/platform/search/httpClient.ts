import http from 'node:http';

const TIMEOUT_MS = 10_000;

/**
 * The HTTP client behind the Meilisearch SDK. Node's fetch (undici) writes a
 * POST's headers and body as two small segments; with Meilisearch's delayed
 * ACK that costs ~40 ms per request on a kept-alive connection. Node's http
 * module sends them together, so a search over loopback takes about a
 * millisecond instead.
 */
export function meiliHttpClient(): (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<unknown> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const url = new URL(String(input));
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => {
        headers[key] = value;
      });
      const body =
        typeof init.body === 'string' ? init.body : init.body ? Buffer.from(init.body as ArrayBuffer) : undefined;
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: init.method ?? 'GET',
          headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            if ((res.statusCode ?? 500) >= 400) {
              const err = new Error(
                (parsed as { message?: string })?.message ?? `Meilisearch answered ${res.statusCode}`,
              );
              Object.assign(err, { name: 'MeiliSearchApiError', status: res.statusCode, cause: parsed });
              reject(err);
            } else resolve(parsed);
          });
          res.on('error', reject);
        },
      );
      const fail = (cause: unknown) => {
        const err = new Error(`Meilisearch request failed: ${(cause as Error)?.message ?? cause}`);
        Object.assign(err, { name: 'MeiliSearchRequestError', cause });
        reject(err);
      };
      req.on('error', fail);
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      req.end(body);
    });
}
