/**
 * Runs work one at a time per key within this process. FerretDB applies an
 * update as read-modify-write, so two concurrent `$inc`s on one document can
 * both read the same value; serialising per key avoids that here, and unique
 * indexes catch what slips through across instances.
 */
export function keyedMutex() {
  const tails = new Map<string, Promise<unknown>>();
  return async function run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return current;
  };
}
