import { describe, expect, it } from 'vitest';
import { safeLine, safeText, withSafeText } from '../../src/core/safe-text.js';

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
