import { isUniqueViolation } from './errors.js';

/**
 * Creates something once per idempotency key (an API `Idempotency-Key`, a bot card's form token): `find`
 * looks the key up, `create` stores it with the key under a unique index. A repeat gets what the first one
 * made (`replayed`); two requests racing with one key meet at the unique index, and the loser reads the
 * winner's. Any other error of `create` goes through.
 */
export async function createOnce<T>(
  find: () => Promise<string | null>,
  create: () => Promise<T>,
  replay: (id: string) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const earlier = await find();
  if (earlier) return { value: await replay(earlier), replayed: true };
  try {
    return { value: await create(), replayed: false };
  } catch (error) {
    const raced = isUniqueViolation(error) ? await find() : null;
    if (raced) return { value: await replay(raced), replayed: true };
    throw error;
  }
}
