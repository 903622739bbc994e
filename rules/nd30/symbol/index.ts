// The symbol rules (Phụ lục I, Phụ lục III; QPPL and Party forms), sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';
import leadingZero from './leading-zero.js';
import letterDj from './letter-dj.js';
import noSpaces from './no-spaces.js';
import typeCode from './type-code.js';

export const SYMBOL_RULES: readonly AnyRule[] = [leadingZero, letterDj, noSpaces, typeCode];
