// npm run docs — regenerates the rules table in README.md from the rules' metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../rules/index.js';
import { replaceRulesBlock } from '../src/report/rules-doc.js';

const readme = join(fileURLToPath(new URL('..', import.meta.url)), 'README.md');
writeFileSync(readme, replaceRulesBlock(readFileSync(readme, 'utf8'), RULES));
process.stdout.write('README.md rules table updated\n');
