// `sources check --update`: writes `checked: 'YYYY-MM-DD'` into a tree file's sources and changes
// nothing else. The yaml package's Document API says where each source and key is; the file's own
// text is then edited at those places only, so its comments, order, quoting and layout stay as
// they were, byte for byte.
import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';

interface Edit {
  at: number;
  end: number;
  text: string;
}

/** The file's text with `checked` set to `date` on each of `ids`; ids it does not hold are returned apart. */
export function withCheckedDates(source: string, ids: readonly string[], date: string): { text: string; missing: string[] } {
  const doc = parseDocument(source, { uniqueKeys: false });
  const edits: Edit[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const map = doc.getIn(['sources', id], true);
    if (!isMap(map)) {
      missing.push(id);
      continue;
    }
    const pairs = map.items as Pair<Node, Node>[];
    const pairOf = (key: string) => pairs.find((pair) => isScalar(pair.key) && pair.key.value === key);
    const checked = pairOf('checked')?.value;
    if (checked?.range) {
      const [start, end] = checked.range;
      const quote = /^['"]/.exec(source.slice(start, end))?.[0] ?? '';
      edits.push({ at: start, end, text: `${quote}${date}${quote}` });
      continue;
    }
    // After `published`, which every source has: the dates side by side.
    const after = pairOf('published') ?? pairs.at(-1);
    if (!after?.key?.range || !after.value?.range) {
      missing.push(id);
      continue;
    }
    edits.push(map.flow ? { at: after.value.range[1], end: after.value.range[1], text: `, "checked": "${date}"` } : lineAfter(source, after.key.range[0], after.value.range[1], `checked: '${date}'`));
  }
  let text = source;
  for (const edit of edits.sort((a, b) => b.at - a.at)) text = text.slice(0, edit.at) + edit.text + text.slice(edit.end);
  return { text, missing };
}

/** A new line, indented as the key at `keyStart`, after the line on which `valueEnd` falls. */
function lineAfter(source: string, keyStart: number, valueEnd: number, line: string): Edit {
  const indent = ' '.repeat(keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1));
  const eol = source.indexOf('\n', valueEnd);
  return eol < 0 ? { at: source.length, end: source.length, text: `\n${indent}${line}` } : { at: eol + 1, end: eol + 1, text: `${indent}${line}\n` };
}
