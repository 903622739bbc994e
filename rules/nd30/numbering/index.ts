// The numbering rules (Điều 15, 16, 22; Phụ lục I II.3.a; Phụ lục IV), sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';
import duplicate from './duplicate.js';
import gap from './gap.js';

export const NUMBERING_RULES: readonly AnyRule[] = [duplicate, gap];
