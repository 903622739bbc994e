import { defineRule } from '../../../src/engine/rule.js';
import { agencyIssuers, includesCode, ND30, partyInStateForm, symbolOf, unitBeforeIssuer } from './common.js';

// SKH-8: the abbreviations of the agency, its units and subject areas are set by the head of the
// agency (Phụ lục I II.3.d) — the law cannot know them, the configuration can (`agency.issuer`,
// `agency.issuers`, `agency.units`). In the agency's own outgoing register every symbol must use
// them: `12/QĐ-UBDN` or `12/UBND-VPP` is a typo that breaks searching and duplicate checks. Silent
// when nothing is configured. A warning: an advisory body signing with its own code (SKH-9) may be
// missing from the configuration rather than wrong.
export default defineRule({
  meta: {
    id: 'symbol/agency-code',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Trong sổ văn bản đi, chữ viết tắt tên cơ quan và đơn vị trong ký hiệu phải đúng danh mục cơ quan đã cấu hình.',
      en: 'In the outgoing register, the issuer and unit abbreviations must be the ones configured for the agency.',
    },
    messages: {
      issuer: {
        vi: 'Ký hiệu "{value}" ghi cơ quan ban hành "{issuer}", không thuộc chữ viết tắt của cơ quan ({expected}); nếu đúng, thêm vào agency.issuers.',
        en: 'Symbol "{value}" names the issuer "{issuer}", not one of the agency\'s abbreviations ({expected}); if it is right, add it to agency.issuers.',
      },
      unit: {
        vi: 'Ký hiệu "{value}" ghi đơn vị "{unit}", không có trong danh mục đơn vị của cơ quan ({expected}).',
        en: 'Symbol "{value}" names the unit "{unit}", which is not among the agency\'s units ({expected}).',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.d', kind: 'exact' },
    fix: 'none',
    examples: {
      // Needs `agency` in the configuration: without it the rule stays silent.
      failing: { kind: 'outgoing', config: { agency: { issuer: 'UBND', units: ['VP', 'KT'] } }, entries: [{ symbol: '12/QĐ-UBDN', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', config: { agency: { issuer: 'UBND', units: ['VP', 'KT'] } }, entries: [{ symbol: '12/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    const issuers = agencyIssuers(context.agency);
    const units = context.agency.units ?? [];
    if (issuers.length === 0 && units.length === 0) return {};
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.issuer === undefined || partyInStateForm(parsed)) return;
        if (parsed.form === 'law' || parsed.form === 'unparseable' || parsed.form === 'empty' || parsed.form === 'historic') return;
        if (unitBeforeIssuer(parsed, context.agency)) return; // symbol/cong-van-form
        const value = parsed.raw;
        const named = parsed.form === 'joint' ? [parsed.issuer, ...parsed.units] : [parsed.issuer];
        if (issuers.length > 0 && !named.some((i) => includesCode(issuers, i))) {
          context.report({ entry, field: 'symbol', messageId: 'issuer', data: { value, issuer: parsed.issuer, expected: issuers.join(', ') } });
          return;
        }
        if (units.length === 0 || parsed.form === 'joint') return;
        const unit = parsed.units[0];
        if (unit !== undefined && !includesCode(units, unit)) {
          context.report({ entry, field: 'symbol', messageId: 'unit', data: { value, unit, expected: units.join(', ') } });
        }
      },
    };
  },
});
