// The register-form rules (Điều 16, 22; Phụ lục IV), sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';

export const REGISTER_RULES: readonly AnyRule[] = [];
