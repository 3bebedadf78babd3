import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cutText, htmlToPlainText } from './html-text.js';

/** How Teams encodes typed text into a message body. */
const encode = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('htmlToPlainText', () => {
  it('reads a Teams chat message: paragraphs, breaks, mentions, formatting and entities', () => {
    const html =
      '<p><at id="0">Sanne</at> Fictief: <b>jongeren</b> op&nbsp;scooters &amp; een <i>"demonstratie"</i></p>' +
      '<p>Tweede regel<br>derde&#160;regel &#x1F600; &#8364;5</p><ul><li>een</li><li>twee</li></ul>';
    expect(htmlToPlainText(html)).toBe(
      'Sanne Fictief: jongeren op scooters & een "demonstratie"\nTweede regel\nderde regel 😀 €5\n- een\n- twee',
    );
  });

  it('drops scripts, styles and comments with their content, and keeps typed markup as its literal words', () => {
    const html =
      '<div>Fictief<script type="text/javascript">alert("x")</script> bericht<style>p{}</style><!-- note --></div>' +
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; <img src="x" onerror="alert(2)"></p><script>never closed';
    expect(htmlToPlainText(html)).toBe('Fictief bericht\n<script>alert(1)</script>');
  });

  it('reads character references as a browser does: NUL and out-of-range as U+FFFD, unknown ones left alone', () => {
    expect(htmlToPlainText('a&#0;b&#xD800;c&#1114112;d &bogus; &amp')).toBe(
      'a\ufffdb\ufffdc\ufffdd &bogus; &',
    );
  });

  it('gives back any typed text as Teams encodes it, up to whitespace', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const collapsed = text.replace(/\s+/g, ' ').trim();
        expect(htmlToPlainText(`<p>${encode(text)}</p>`)).toBe(collapsed);
      }),
    );
  });

  it('reads unclosed hostile markup as text that holds no markup', () => {
    const hostile = `Fictief ${'<a title="'.repeat(2_500)}${'<script'.repeat(2_500)}${'<!--'.repeat(100)}`;
    const text = htmlToPlainText(hostile);
    expect(text.startsWith('Fictief')).toBe(true);
    expect(text).not.toMatch(/<(a|script)\b/);
  });
});

describe('cutText', () => {
  it('keeps short text, cuts long text with an ellipsis and never splits a surrogate pair', () => {
    expect(cutText('kort', 10)).toBe('kort');
    expect(cutText('een lange zin', 8)).toBe('een lan…');
    const cut = cutText('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});
