import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitToWidth, rowsOf } from '../../src/terminal/layout.js';

const widths = (text: string) => text.split('\n').map((line) => stringWidth(line));

describe('fitToWidth', () => {
  it('leaves lines that fit alone, and wraps the others at word boundaries', () => {
    expect(fitToWidth('short\n\nalso short', 20)).toBe('short\n\nalso short');
    expect(fitToWidth('one two three four five six', 14)).toBe('one two three\nfour five six');
  });

  it('indents continuation lines under the text of a step, bullet, source, example or two-column item', () => {
    expect(fitToWidth('  1. Open the app and find the form.', 20)).toBe('  1. Open the app\n     and find the\n     form.');
    expect(fitToWidth('  10. Open the app and find it.', 20)).toBe('  10. Open the app\n      and find it.');
    expect(fitToWidth('  - A caveat that wraps here.', 20)).toBe('  - A caveat that\n    wraps here.');
    expect(fitToWidth('  [12] Publisher, "Title", 2025.', 22)).toBe('  [12] Publisher,\n       "Title", 2025.');
    expect(fitToWidth('  $ optout-check --region eu --json', 24)).toBe('  $ optout-check\n    --region eu --json');
    expect(fitToWidth('  2    usage error: a bad flag', 20)).toBe('  2    usage error:\n       a bad flag');
    expect(fitToWidth('No marker here, a plain paragraph.', 20)).toBe('No marker here, a\nplain paragraph.');
  });

  it('never breaks a web address; breaks any other word too long for the line', () => {
    const url = 'https://example.org/a/long/address/that/does/not/fit';
    expect(fitToWidth(`  1. See ${url} now.`, 30)).toBe(`  1. See\n     ${url}\n     now.`);
    expect(widths(fitToWidth('  - Rechtsschutzversicherungsgesellschaften', 20)).every((w) => w <= 20)).toBe(true);
  });

  it('measures wide characters and ignores colour codes', () => {
    const wide = fitToWidth('  1. 第二步的说明使用宽字符，每个字符占两列。', 20);
    expect(widths(wide).every((w) => w <= 20)).toBe(true);
    expect(wide.split('\n')[1]).toMatch(/^ {5}\S/);
    const chalk = new Chalk({ level: 1 });
    const coloured = fitToWidth(`  1. ${chalk.bold('Open')} the app and find the ${chalk.dim('[1]')}`, 20);
    expect(widths(coloured).every((w) => w <= 20)).toBe(true);
    expect(coloured).toContain('\u001b[2m[1]\u001b[22m');
  });

  it('keeps some room for the text when the indent is deep and the screen narrow', () => {
    const fitted = fitToWidth(`  --answer <question=value>        answer any question by id`, 20);
    expect(widths(fitted).every((w) => w <= 20)).toBe(true);
    expect(fitted.split('\n').slice(1).every((line) => line.startsWith('  '))).toBe(true);
  });
});

describe('rowsOf', () => {
  it('counts the rows a terminal shows, including lines it folds', () => {
    expect(rowsOf('a\nb\n', 10)).toBe(2);
    expect(rowsOf('a\n\nb', 10)).toBe(3);
    expect(rowsOf('x'.repeat(25), 10)).toBe(3);
  });
});
