// The HTML choke point: everything put into the template is escaped (markup, control characters,
// characters that act unseen), markup it made is kept, and only http(s) addresses become links.
import { describe, expect, it } from 'vitest';
import { escapeHtml, externalLink, html, scriptData, webAddress, withLinks } from '../../src/render/html.js';

describe('html', () => {
  it('escapes every value put into it, and keeps the markup it made itself', () => {
    const text = `<script>alert("x")</script> & 'it'`;
    const inner = html`<em>${text}</em>`;
    expect(html`<p title="${text}">${inner}</p>`.markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;it&#39;"><em>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;it&#39;</em></p>',
    );
  });

  it('joins lists, and leaves out null, undefined and false', () => {
    expect(html`${['<a>', html`<b>`, 3]}${null}${undefined}${false}`.markup).toBe('&lt;a&gt;<b>3');
  });

  it('shows control characters and characters that act unseen as escapes: C0, DEL, C1, bidi, zero widths, separators', () => {
    expect(escapeHtml('a\u001b]0;x\u0007b\u007f\u009b')).toBe('a\\x1b]0;x\\x07b\\x7f\\x9b');
    expect(escapeHtml('pay\u202egnp.exe \u2066x\u2069 zero\u200bwidth soft\u00adhyphen \u2028 \u{e0001}')).toBe(
      'pay\\u202egnp.exe \\u2066x\\u2069 zero\\u200bwidth soft\\xadhyphen \\u2028 \\u{e0001}',
    );
    expect(escapeHtml('lines\nand\ttabs stay; ünïcödé and 中文 too')).toBe('lines\nand\ttabs stay; ünïcödé and 中文 too');
  });
});

describe('links to the outside', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' https://example.org/',
    'data:text/html,<script>alert(1)</script>',
    'https://user:secret@example.org/',
    'http://exa mple.org/',
    '//example.org/',
    'https://',
  ])('%s is not linked', (url) => {
    expect(webAddress(url)).toBeUndefined();
    expect(externalLink(url).markup).not.toContain('<a');
  });

  it('links http(s) addresses as the URL parser writes them, with no referrer and no opener', () => {
    expect(externalLink('https://exämple.org/a b'.replace(' ', '%20')).markup).toBe(
      '<a href="https://xn--exmple-cua.org/a%20b" rel="noopener noreferrer">https://xn--exmple-cua.org/a%20b</a>',
    );
    expect(externalLink('http://example.org/?q="><script>').markup).toBe(
      '<a href="http://example.org/?q=%22%3E%3Cscript%3E" rel="noopener noreferrer">http://example.org/?q=%22%3E%3Cscript%3E</a>',
    );
  });

  it('links the addresses in free text, leaving out the punctuation after them', () => {
    expect(withLinks('see https://example.org/a, then (https://example.org/b) and javascript:alert(1).').markup).toBe(
      'see <a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a>, then (<a href="https://example.org/b" rel="noopener noreferrer">https://example.org/b</a>) and javascript:alert(1).',
    );
  });
});

describe('scriptData', () => {
  it('cannot end its block or hide a character, and parses to the same data', () => {
    const value = { text: '</script><script>alert(1)</script><!-- & \u2028 \u202e \u{e0001} \u0085' };
    const markup = scriptData(value).markup;
    expect(markup).not.toMatch(/[<>&\u2028\u202e\u0085]/u);
    expect(markup).not.toMatch(/\p{Cf}/u);
    expect(JSON.parse(markup)).toEqual(value);
  });
});
