// `__proto__`, `constructor` and `prototype` are ordinary keys in YAML, but valibot's record()
// skips them (they are special to JavaScript objects), so a source, question or verdict so named
// would vanish without a word. This finds them in the raw data, wherever the schema has a record.

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The parts of a valibot schema this walk follows. */
interface SchemaNode {
  readonly type: string;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly value?: unknown;
  readonly item?: unknown;
  readonly wrapped?: unknown;
  readonly options?: readonly unknown[];
}

type Visit = { schema: SchemaNode; data: unknown; path: (string | number)[] };

/** The path of every reserved key found in a record of `data`. */
export function reservedKeyPaths(schema: SchemaNode, data: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: Visit[] = [{ schema, data, path: [] }];
  while (stack.length > 0) {
    const { schema, data, path } = stack.pop()!;
    if (data === null || typeof data !== 'object') continue;
    const at = data as Record<string, unknown>;
    const visit = (child: unknown, childData: unknown, childPath = path) => stack.push({ schema: child as SchemaNode, data: childData, path: childPath });
    if (schema.type === 'optional') visit(schema.wrapped, data);
    else if (schema.type === 'union') for (const option of schema.options!) visit(option, data);
    else if (schema.type === 'strict_object') {
      for (const [key, entry] of Object.entries(schema.entries!)) if (Object.hasOwn(at, key)) visit(entry, at[key], [...path, key]);
    } else if (schema.type === 'array' && Array.isArray(data)) {
      data.forEach((item, i) => visit(schema.item, item, [...path, i]));
    } else if (schema.type === 'record') {
      for (const key of Object.keys(at)) {
        if (RESERVED_KEYS.has(key)) found.push([...path, key]);
        else visit(schema.value, at[key], [...path, key]);
      }
    }
  }
  return found;
}
