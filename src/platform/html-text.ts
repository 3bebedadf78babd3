/**
 * Plain text from the HTML of a Teams message (`messagePayload.body.content`), for a form field a person then
 * reads and confirms. Teams sends a small subset (p, div, br, b/i/u, a, lists, `<at>` mentions, emoji, img) with
 * the typed text entity-encoded, so a tag-and-entity pass is enough here; htmlparser2 would be the library for
 * arbitrary HTML, but it is only a transitive dependency (of botbuilder) of this project. The result is text,
 * never markup: tags are removed before entities are decoded, so an encoded `&lt;script&gt;` the person typed
 * stays the literal words and a real `<script>` element is dropped with its content.
 */

// Elements whose content is never text for a reader.
// Tag patterns stop at the next `<` and after 2,000 characters, so no input makes them scan quadratically.
const DROPPED_ELEMENTS = /<(script|style|template|head|title)\b[^<>]{0,2000}>[\s\S]*?(<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;
const LINE_BREAK = /<br\b[^<>]{0,2000}>/gi;
const LIST_ITEM = /<li\b[^<>]{0,2000}>/gi;
// Closing (and opening) block elements end a line.
const BLOCK_EDGE =
  /<\/?(p|div|h[1-6]|ul|ol|li|tr|table|blockquote|pre|section|article|header|footer|hr)\b[^<>]{0,2000}>/gi;
// Any other tag; declarations and processing instructions.
const TAG = /<\/?[a-z][^<>]{0,2000}>|<[!?][^<>]{0,2000}>/gi;
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
};

/** A code point PostgreSQL can store and a reader can see; U+FFFD for NUL, surrogates and out of range. */
function codePoint(value: number): string {
  const storable = value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
  return String.fromCodePoint(storable ? value : 0xfffd);
}

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const hex = name[1] === 'x' || name[1] === 'X';
    return codePoint(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
  }
  return NAMED[name.toLowerCase()] ?? whole;
}

/** More HTML than any form field holds as text; the rest is not read. */
const MAX_HTML_LENGTH = 50_000;

/** The text of an HTML fragment: tags gone, entities decoded, one line per paragraph, spaces collapsed. */
export function htmlToPlainText(html: string): string {
  const lines = html
    .slice(0, MAX_HTML_LENGTH)
    .replace(/[\ud800-\udbff]$/, '')
    .replace(COMMENT, ' ')
    .replace(DROPPED_ELEMENTS, ' ')
    // HTML's own line breaks are spaces; only elements break lines.
    .replace(/\s+/g, ' ')
    .replace(LINE_BREAK, '\n')
    .replace(LIST_ITEM, '\n- ')
    .replace(BLOCK_EDGE, '\n')
    .replace(TAG, '')
    .replace(ENTITY, decodeEntity)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim());
  return (
    lines
      .join('\n')
      // Teams makes every Enter a paragraph: one line each, no empty ones between.
      .replace(/\n{2,}/g, '\n')
      .trim()
  );
}

/**
 * Text cut to at most `max` UTF-16 units (the length zod's `.max` counts), with an ellipsis where it was cut;
 * a character made of two units is never split.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const whole = /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
  return `${whole.trimEnd()}…`;
}
