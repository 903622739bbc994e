// The symbol rules (Phụ lục I, Phụ lục III; QPPL and Party forms), sorted by id.
import type { AnyRule, ReportDescriptor } from '../../../src/engine/rule.js';
import agencyCode from './agency-code.js';
import { cellFix } from './common.js';
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

/**
 * Split layouts (`Số vào sổ` + `Ký hiệu`): the symbol rules read `12/QĐ-UBND` from the two cells
 * (symbolOf) and write their fixes on that text; each fix is turned back into one of the symbol cell
 * here (cellFix), so that applying it never puts the number into the `Ký hiệu` column.
 */
function onSymbolCell(rule: AnyRule): AnyRule {
  return {
    ...rule,
    check(context) {
      const report = (d: ReportDescriptor): void => {
        if (!d.fix || !d.entry || (d.fix.field ?? d.field ?? 'symbol') !== 'symbol') context.report(d);
        else context.report({ ...d, fix: cellFix(d.entry, d.fix) });
      };
      return rule.check(Object.create(context, { report: { value: report } }));
    },
  };
}

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
].map(onSymbolCell);
