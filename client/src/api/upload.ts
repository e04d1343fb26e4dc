import { ApiError, clientErrorCodes, errorFromResponse, networkError } from './errors';
import { headersFor, withFreshToken } from './http';

export interface UploadOptions {
  /** Called with the fraction sent so far, 0…1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Extra text fields sent with the file (e.g. a message body). */
  fields?: Record<string, string>;
}

interface XhrResult {
  status: number;
  statusText: string;
  body: string;
  retryAfter: string | null;
}

function sendOnce(path: string, form: FormData, token: string | null, options: UploadOptions): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    // Content-Type is left to the browser, which adds the multipart boundary.
    for (const [name, value] of headersFor({}, token)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      resolve({
        status: xhr.status,
        statusText: xhr.statusText,
        body: xhr.responseText,
        retryAfter: xhr.getResponseHeader('Retry-After'),
      });
    };
    xhr.onerror = () => {
      done();
      reject(networkError(new Error('Upload failed')));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    xhr.send(form);
  });
}

/**
 * Uploads one file as multipart field "file" with progress events (fetch has
 * none for uploads). Refreshes the token once on a 401, like apiFetch.
 */
export async function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  const form = new FormData();
  // Text fields first, so servers that stream the upload already know them.
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  form.append('file', file);
  const result = await withFreshToken((token) => sendOnce(path, form, token, options));
  if (result.status < 200 || result.status >= 300) {
    const headers = new Headers();
    if (result.retryAfter) headers.set('Retry-After', result.retryAfter);
    throw await errorFromResponse(
      new Response(result.body || null, { status: result.status, statusText: result.statusText, headers }),
    );
  }
  try {
    return JSON.parse(result.body) as T;
  } catch {
    throw new ApiError({ status: result.status, code: clientErrorCodes.badResponse, message: 'Invalid JSON' });
  }
}
