// The numbering rules (Điều 15, 22; Phụ lục I II.3.a; Phụ lục VI III.1.h), sorted by id. The
// series model they share is series.ts.
import type { AnyRule } from '../../../src/engine/rule.js';
import duplicate from './duplicate.js';
import firstNumber from './first-number.js';
import gap from './gap.js';
import noRestart from './no-restart.js';
import order from './order.js';
import receivedTwice from './received-twice.js';

export const NUMBERING_RULES: readonly AnyRule[] = [duplicate, firstNumber, gap, noRestart, order, receivedTwice];
