// --update's edit: `checked` set on the sources named, and not one other byte of the file changed.
import { describe, expect, it } from 'vitest';
import { withCheckedDates } from '../../src/load/checked-dates.js';

const TREE = `# A comment at the top
id: t
sources:
  # the first source
  a:
    title: A   # a trailing comment
    published: '2025-01-01'  # when
    kind: press

  b:
      title: B, indented deeper
      published: "2025"
      checked: '2026-01-01'
      kind: press
  c:
    title: C
    published: 2025-02
    checked: 2026-02-02 # plain
    kind: press
  d: { title: D, published: undated, kind: press }
questions: {}
`;

describe('withCheckedDates', () => {
  it('adds a line under `published`, indented like it, and leaves comments and blank lines alone', () => {
    const { text, missing } = withCheckedDates(TREE, ['a'], '2026-12-03');
    expect(missing).toEqual([]);
    expect(text).toBe(TREE.replace("    published: '2025-01-01'  # when\n", "    published: '2025-01-01'  # when\n    checked: '2026-12-03'\n"));
  });

  it('replaces an existing date in place, in its own quoting', () => {
    const { text } = withCheckedDates(TREE, ['b', 'c'], '2026-12-03');
    expect(text).toBe(TREE.replace("checked: '2026-01-01'", "checked: '2026-12-03'").replace('checked: 2026-02-02 # plain', 'checked: 2026-12-03 # plain'));
  });

  it('writes into a flow mapping as JSON would, and names the ids the file does not hold', () => {
    const { text, missing } = withCheckedDates(TREE, ['d', 'nope'], '2026-12-03');
    expect(text).toBe(TREE.replace('published: undated,', 'published: undated, "checked": "2026-12-03",'));
    expect(missing).toEqual(['nope']);
  });

  it('keeps a JSON tree JSON', () => {
    const json = JSON.stringify({ id: 't', sources: { a: { title: 'A', published: 'undated', kind: 'press' } } }, null, 2);
    const { text } = withCheckedDates(json, ['a'], '2026-12-03');
    expect(JSON.parse(text).sources.a).toEqual({ title: 'A', published: 'undated', checked: '2026-12-03', kind: 'press' });
  });
});
