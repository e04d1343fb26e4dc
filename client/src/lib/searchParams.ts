/**
 * A copy of `params` with each given key set to its value, or removed when the
 * value is empty (undefined, null or ''). Other keys (e.g. the admin tab) stay.
 */
export function withParams(
  params: URLSearchParams,
  values: Record<string, string | null | undefined>,
): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const [key, value] of Object.entries(values)) {
    if (value) out.set(key, value);
    else out.delete(key);
  }
  return out;
}
