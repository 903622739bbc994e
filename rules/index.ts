// Every rule, listed explicitly and sorted by id (ESLint lib/rules/index.js): rules are never
// discovered by scanning folders, so a rule is shipped only when someone adds it here.
import type { AnyRule } from '../src/engine/rule.js';
import { internalError, sheetSkipped } from '../src/engine/builtin-rules.js';
import numberingDuplicate from './nd30/numbering/duplicate.js';
import numberingGap from './nd30/numbering/gap.js';
import symbolLeadingZero from './nd30/symbol/leading-zero.js';
import symbolLetterDj from './nd30/symbol/letter-dj.js';
import symbolNoSpaces from './nd30/symbol/no-spaces.js';
import symbolTypeCode from './nd30/symbol/type-code.js';

export const RULES: readonly AnyRule[] = [
  internalError,
  numberingDuplicate,
  numberingGap,
  sheetSkipped,
  symbolLeadingZero,
  symbolLetterDj,
  symbolNoSpaces,
  symbolTypeCode,
];
