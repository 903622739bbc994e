// The register-form rules (NĐ 30 Điều 16, 22, Phụ lục IV; the secret-register form; QPPL levels by date), sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';
import form from './form.js';
import futureDate from './future-date.js';
import issuedAfterArrival from './issued-after-arrival.js';
import keyColumn from './key-column.js';
import period from './period.js';
import qpplLevel from './qppl-level.js';
import topSecretSubject from './top-secret-subject.js';
import unreadableDate from './unreadable-date.js';

export const REGISTER_RULES: readonly AnyRule[] = [form, futureDate, issuedAfterArrival, keyColumn, period, qpplLevel, topSecretSubject, unreadableDate];
