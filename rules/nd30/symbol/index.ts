// The symbol rules (Phụ lục I, Phụ lục III; QPPL and Party forms), sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';
import agencyCode from './agency-code.js';
import caseRule from './case.js';
import congVanForm from './cong-van-form.js';
import copySeries from './copy-series.js';
import leadingZero from './leading-zero.js';
import letterDj from './letter-dj.js';
import lookalike from './lookalike.js';
import lostHyphen from './lost-hyphen.js';
import missingIssuer from './missing-issuer.js';
import noSpaces from './no-spaces.js';
import numberFormat from './number-format.js';
import numberSuffix from './number-suffix.js';
import overPadding from './over-padding.js';
import partyForm from './party-form.js';
import separator from './separator.js';
import typeCode from './type-code.js';
import typeMismatch from './type-mismatch.js';
import unrecognised from './unrecognised.js';
import yearMismatch from './year-mismatch.js';
import yearSegment from './year-segment.js';

export const SYMBOL_RULES: readonly AnyRule[] = [
  agencyCode,
  caseRule,
  congVanForm,
  copySeries,
  leadingZero,
  letterDj,
  lookalike,
  lostHyphen,
  missingIssuer,
  noSpaces,
  numberFormat,
  numberSuffix,
  overPadding,
  partyForm,
  separator,
  typeCode,
  typeMismatch,
  unrecognised,
  yearMismatch,
  yearSegment,
];
