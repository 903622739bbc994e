// The timeliness rules (Điều 4.2.c, 15.2, 18.1, 23.1, 24), sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';

export const TIMELINESS_RULES: readonly AnyRule[] = [];
