// The issued-document rules (Điều 14, 16): documents given with --documents against the outgoing
// register, sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';
import mismatch from './mismatch.js';
import unregistered from './unregistered.js';

export const DOCUMENT_RULES: readonly AnyRule[] = [mismatch, unregistered];
