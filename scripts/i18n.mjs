// npm run i18n -- status|update|pseudo <lang> …: the translators' tool (src/build/i18n.ts;
// README, "Translating a tree, or adding a language").
import { fileURLToPath } from 'node:url';
import { importTool } from './import-tool.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { i18n } = await importTool(root, 'i18n');
process.exitCode = await i18n(root, process.argv.slice(2), (line) => console.log(line));
