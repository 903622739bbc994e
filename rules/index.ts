// Every rule, listed explicitly (ESLint lib/rules/index.js): rules are never discovered by scanning
// folders, so a rule ships only when someone adds it to its topic's index. The list is sorted by id.
import type { AnyRule } from '../src/engine/rule.js';
import type { RunCheck } from '../src/engine/run-scope.js';
import { documentsCheck } from './nd30/documents/check.js';
import { reconcileCheck } from './nd30/reconcile/check.js';
import { duplicateRegister, internalError, kindMismatch, legacyEncoding, renamedFile, sheetSkipped } from '../src/engine/builtin-rules.js';
import { DOCUMENT_RULES } from './nd30/documents/index.js';
import { NUMBERING_RULES } from './nd30/numbering/index.js';
import { RECONCILE_RULES } from './nd30/reconcile/rules.js';
import { REGISTER_RULES } from './nd30/register/index.js';
import { SYMBOL_RULES } from './nd30/symbol/index.js';
import { TIMELINESS_RULES } from './nd30/timeliness/index.js';

export const RULES: readonly AnyRule[] = [internalError, sheetSkipped, kindMismatch, legacyEncoding, renamedFile, duplicateRegister, ...SYMBOL_RULES, ...NUMBERING_RULES, ...TIMELINESS_RULES, ...REGISTER_RULES, ...DOCUMENT_RULES, ...RECONCILE_RULES].sort(
  (a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0),
);

/** The run-scope checks (src/engine/run-scope.ts), in the order their findings are gathered. */
export const RUN_CHECKS: readonly RunCheck[] = [reconcileCheck, documentsCheck];

/** Phụ lục IV's names of the register columns, as the messages write them (the page's overview uses them). */
export { FIELD_LABEL } from './nd30/register/common.js';
