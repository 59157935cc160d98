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

/** A value to visit, with the schema that describes it and the way back to the root. */
interface Visit {
  schema: SchemaNode;
  data: unknown;
  parent?: Visit;
  key?: string | number;
}

/** The schemas inside this one (a picklist's options are strings, not schemas). */
const childSchemas = (schema: SchemaNode): SchemaNode[] =>
  [schema.wrapped, schema.value, schema.item, ...(schema.options ?? []), ...Object.values(schema.entries ?? {})].filter(
    (child): child is SchemaNode => typeof child === 'object' && child !== null,
  );

/** Whether a record can occur at or below this schema: the walk skips the parts where none can. */
const recordBelow = new WeakMap<SchemaNode, boolean>();
function mayHoldRecord(schema: SchemaNode): boolean {
  let known = recordBelow.get(schema);
  if (known === undefined) {
    known = schema.type === 'record' || childSchemas(schema).some(mayHoldRecord);
    recordBelow.set(schema, known);
  }
  return known;
}

const pathTo = (visit: Visit, key: string): (string | number)[] => {
  const path: (string | number)[] = [key];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.unshift(at.key!);
  return path;
};

/** The path of every reserved key found in a record of `data`. */
export function reservedKeyPaths(schema: SchemaNode, data: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: Visit[] = [{ schema, data }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { schema, data } = visit;
    if (data === null || typeof data !== 'object' || !mayHoldRecord(schema)) continue;
    const at = data as Record<string, unknown>;
    if (schema.type === 'optional') stack.push({ ...visit, schema: schema.wrapped as SchemaNode });
    else if (schema.type === 'union') for (const option of schema.options!) stack.push({ ...visit, schema: option as SchemaNode });
    else if (schema.type === 'strict_object') {
      for (const key in schema.entries) if (Object.hasOwn(at, key)) stack.push({ schema: schema.entries[key] as SchemaNode, data: at[key], parent: visit, key });
    } else if (schema.type === 'array' && Array.isArray(data)) {
      for (let i = 0; i < data.length; i++) stack.push({ schema: schema.item as SchemaNode, data: data[i], parent: visit, key: i });
    } else if (schema.type === 'record') {
      for (const key of Object.keys(at)) {
        if (RESERVED_KEYS.has(key)) found.push(pathTo(visit, key));
        else stack.push({ schema: schema.value as SchemaNode, data: at[key], parent: visit, key });
      }
    }
  }
  return found;
}
