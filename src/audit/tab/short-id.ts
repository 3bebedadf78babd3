const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MAX_PLAIN_LENGTH = 16;

/**
 * An id short enough for a table cell: each UUID in it cut to its first 8 characters (`network/user` ids hold
 * two), any other long id cut to 16. `shortened` says whether anything was left out.
 */
export function shortenId(id: string): { text: string; shortened: boolean } {
  const text = id.replace(UUID_ANYWHERE, (uuid) => uuid.slice(0, 8));
  if (text !== id) return { text, shortened: true };
  if (id.length > MAX_PLAIN_LENGTH) return { text: id.slice(0, MAX_PLAIN_LENGTH), shortened: true };
  return { text: id, shortened: false };
}
