import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson, safeLine, safeText, shellWord, UNSAFE_CHARACTER, urlProblem, withSafeText } from '../../src/core/safe-text.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('safe text', () => {
  it.each([
    ['\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'], // window title
    ['\u001b[2J', '\\x1b[2J'], // clear screen
    ['line\r\u001b[K', 'line\\x0d\\x1b[K'], // overwrite the line
    ['\u009b31m', '\\x9b31m'], // C1 CSI
    ['a\u0000b\u007fc', 'a\\x00b\\x7fc'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['Bürger, Zürich – “quoted” 🙂', 'Bürger, Zürich – “quoted” 🙂'],
  ])('safeText(%j) is %j', (input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it('safeLine escapes newlines too, so one problem stays one line', () => {
    expect(safeLine('a\nfake.yaml:1:1: ok\tb')).toBe('a\\x0afake.yaml:1:1: ok\tb');
  });

  it('withSafeText reaches every string, however deep, and leaves the rest alone', () => {
    const report = { title: 'T\u001b[2J', steps: [{ text: 'S\r', sources: ['a'] }], n: 3, none: undefined, nested: { deeper: ['\u009b'] } };
    const safe = withSafeText(report);
    expect(safe).toEqual({ title: 'T\\x1b[2J', steps: [{ text: 'S\\x0d', sources: ['a'] }], n: 3, none: undefined, nested: { deeper: ['\\x9b'] } });
    expect(JSON.stringify(safe)).not.toMatch(/\\u00(1b|0d|9b)/);
    expect(report.title).toBe('T\u001b[2J');
  });

  it('leaves no control character but tab and newline, whatever the input', () => {
    const every = Array.from({ length: 0x200 }, (_, i) => String.fromCharCode(i)).join('');
    expect(safeText(every).replace(/[\t\n]/g, '')).not.toMatch(CONTROL);
  });
});

describe('invisible and reordering characters (issue 20)', () => {
  it.each([
    ['txt\u202eexe.pdf', 'txt\\u202eexe.pdf'], // right-to-left override
    ['a\u2066b\u2069c', 'a\\u2066b\\u2069c'], // isolates
    ['zero\u200bwidth\u200d', 'zero\\u200bwidth\\u200d'],
    ['\ufeffBOM', '\\ufeffBOM'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['tag\u{e0041}\u{e007f}', 'tag\\u{e0041}\\u{e007f}'],
    ['soft\u00adhyphen', 'soft\\xadhyphen'],
    ['Hangul\u3164filler', 'Hangul\\u3164filler'],
  ])('safeText(%j) is %j', (input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it('escapes every format character (Unicode category Cf) and the line and paragraph separators, and nothing visible', () => {
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCodePoint(code);
      const invisible = /[\p{Cf}\p{Zl}\p{Zp}\p{Cc}]/u.test(c) && c !== '\t' && c !== '\n';
      if (invisible) expect(UNSAFE_CHARACTER.test(c), `U+${code.toString(16)}`).toBe(true);
      else if (/[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(c)) expect(UNSAFE_CHARACTER.test(c), `U+${code.toString(16)}`).toBe(c === '\u3164' || c === '\uffa0' || c === '\u115f' || c === '\u1160');
    }
  });

  it('keeps the data in JSON: the same strings once parsed, with nothing invisible in the text', () => {
    const value = { title: 'a\u202eb\u200b\u{e0041}\u2028\u0085' };
    const json = safeJson(value);
    expect(json).not.toMatch(UNSAFE_CHARACTER);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('one word for a shell', () => {
  const bash = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8' }).stdout;

  it.each([
    ['plain/path-1.yaml', 'plain/path-1.yaml'],
    ['./x;touch PWNED;$(id).yaml', "'./x;touch PWNED;$(id).yaml'"],
    ["it's", "'it'\\''s'"],
    ['a\nb', "$'a\\x0ab'"],
    ['x\u202ey!', "$'x\\u202ey\\x21'"],
  ])('shellWord(%j) is %s', (word, quoted) => {
    expect(shellWord(word)).toBe(quoted);
  });

  it('is read back by bash as the word it was, whatever the word, and runs nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('$(id)', '`id`', "'", '"', '\\', '\n', '!', ';', '\u202e')), { maxLength: 5 }), (parts) => {
        const word = parts.join('').replaceAll('\u0000', '');
        expect(bash(`printf %s ${shellWord(word)}`)).toBe(word);
      }),
      { numRuns: 60 },
    );
  });
});

describe('addresses shown as links', () => {
  it.each([
    ['https://example.org/a?b=c#d', undefined],
    ['ftp://example.org/', 'url must be an http(s) address'],
    ['https://accounts.google.com@evil.example/', 'url must not carry a user name or password (before an @): it makes the address look like another host'],
    ['https://user:pass@example.org/', 'url must not carry a user name or password (before an @): it makes the address look like another host'],
    ['https://gооgle.com/', 'url must have an ASCII host: write it as xn--ggle-55da.com, or leave the url out'],
    ['https://goo\u200bgle.com/', 'url must have an ASCII host: write it as google.com, or leave the url out'],
    ['https://example.org/\u202eexe.pdf', 'url must be ASCII: percent-encode the other characters, as in https://example.org/%E2%80%AEexe.pdf'],
    ['https://de.wikipedia.org/wiki/Bürger', 'url must be ASCII: percent-encode the other characters, as in https://de.wikipedia.org/wiki/B%C3%BCrger'],
  ])('urlProblem(%j) is %j', (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });
});
