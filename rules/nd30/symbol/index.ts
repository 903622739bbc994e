// The symbol rules (Phụ lục I, Phụ lục III; QPPL and Party forms), sorted by id.
import type { AnyRule, ReportDescriptor } from '../../../src/engine/rule.js';
import agencyCode from './agency-code.js';
import { cellFix, symbolOf } from './common.js';
import caseRule from './case.js';
import congVanForm from './cong-van-form.js';
import copySeries from './copy-series.js';
import { explainedByOlderForm } from './eras.js';
import leadingZero from './leading-zero.js';
import letterDj from './letter-dj.js';
import lookalike from './lookalike.js';
import lostHyphen from './lost-hyphen.js';
import missingIssuer from './missing-issuer.js';
import nearMissCode from './near-miss-code.js';
import noSpaces from './no-spaces.js';
import numberFormat from './number-format.js';
import numberSuffix from './number-suffix.js';
import olderForm from './older-form.js';
import overPadding from './over-padding.js';
import partyForm from './party-form.js';
import separator from './separator.js';
import typeCode from './type-code.js';
import typeMismatch from './type-mismatch.js';
import typeName from './type-name.js';
import unrecognised from './unrecognised.js';
import yearMismatch from './year-mismatch.js';
import yearSegment from './year-segment.js';

/**
 * Every symbol rule's reports pass here:
 * - split layouts (`Số vào sổ` + `Ký hiệu`): the rules read `12/QĐ-UBND` from the two cells
 *   (symbolOf) and write their fixes on that text; each fix is turned back into one of the symbol
 *   cell (cellFix), so that applying it never puts the number into the `Ký hiệu` column;
 * - a symbol of an earlier era dated within it (or not dated at all) is judged by the rules of its
 *   time: the current rules' findings it explains are dropped (eras.ts; symbol/older-form speaks
 *   for the undated ones);
 * - a cell that holds the type name before the symbol (`Thông tư 217-KHKT/TT`) gets no fix from any
 *   rule: what to do with the words is the clerk's decision (symbol/type-name says so).
 */
function onSymbolCell(rule: AnyRule): AnyRule {
  const id = rule.meta.id;
  return {
    ...rule,
    check(context) {
      const report = (d: ReportDescriptor): void => {
        const parsed = d.entry ? symbolOf(d.entry, context.agency) : undefined;
        if (d.entry && parsed && explainedByOlderForm(id, d.entry, parsed)) return;
        if (d.fix && parsed && parsed.repairs.some((r) => r.kind === 'type-name')) {
          context.report({ ...d, fix: undefined });
          return;
        }
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
  nearMissCode,
  noSpaces,
  numberFormat,
  numberSuffix,
  olderForm,
  overPadding,
  partyForm,
  separator,
  typeCode,
  typeMismatch,
  typeName,
  unrecognised,
  yearMismatch,
  yearSegment,
].map(onSymbolCell);
