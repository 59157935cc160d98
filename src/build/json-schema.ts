// The editor schema for tree files (draft-07, with hover descriptions), from the runtime schema.
import { toJsonSchema } from '@valibot/to-json-schema';
import { TreeSchema } from '../core/schema.js';

// errorMode 'ignore': actions with no JSON Schema form (trim) are left out; the rest is exact.
export const treeJsonSchema = (): string => `${JSON.stringify(toJsonSchema(TreeSchema, { errorMode: 'ignore' }), null, 2)}\n`;
