/**
 * Retries a write that FerretDB's SQLite backend refused with SQLITE_BUSY
 * ("database is locked") under heavy concurrent writing, such as a bulk import
 * while events are being delivered. MongoDB never answers so; there the first
 * attempt stands.
 */
export async function retryBusy<T>(work: () => Promise<T>, attempts = 12): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= attempts || !/SQLITE_BUSY|database is locked/.test(String((err as Error)?.message))) throw err;
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** i)));
    }
  }
}
