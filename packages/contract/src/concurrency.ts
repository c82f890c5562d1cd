/**
 * Runs `worker` over `items` with at most `limit` calls in flight; results keep the input order.
 * The one concurrency helper of the workspace (BFF fan-out, console bulk actions, demo seeding).
 * A rejected call rejects the whole run (lanes stop taking new items); workers that must report per
 * item catch inside `worker`.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function lane(): Promise<void> {
    while (next < items.length && !failed) {
      const index = next;
      next += 1;
      try {
        results[index] = await worker(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const lanes = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: items.length === 0 ? 0 : lanes }, lane));
  return results;
}
