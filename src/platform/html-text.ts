import { convert, type HtmlToTextOptions } from 'html-to-text';

/**
 * Plain text from the HTML of a Teams message (`messagePayload.body.content`), for a form field a person then
 * reads and confirms. Parsed by html-to-text (on htmlparser2, the parser the ecosystem trusts) rather than by hand:
 * the result is text, never markup. Typed markup arrives entity-encoded and stays the literal words; a real
 * `<script>` or `<style>` element is dropped with its content; links keep their words, not their addresses.
 */
const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  // HTML's own whitespace; a zero-width or no-break space the person typed is theirs.
  whitespaceCharacters: ' \t\r\n\f',
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
  ],
};

/** More HTML than any form field holds as text; the rest is not read. */
const MAX_HTML_LENGTH = 50_000;

/** The text of an HTML fragment: one line per paragraph or list item, spaces collapsed, no empty lines. */
export function htmlToPlainText(html: string): string {
  const text = convert(html.slice(0, MAX_HTML_LENGTH).replace(/[\ud800-\udbff]$/, ''), OPTIONS);
  return (
    text
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      // Teams makes every Enter a paragraph: one line each, no empty ones between.
      .filter((line) => line !== '')
      .join('\n')
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
