import { defineRule } from '../../../src/engine/rule.js';
import { isLawIssuer, isPartyIssuer } from '../../data/doc-types.js';
import { adviceEn, adviceVi, ND30, severityFor, stateSender, symbolOf, unitBeforeIssuer } from './common.js';

// SKH-5: a công văn's symbol is the issuer's abbreviation followed by the drafting unit's (or the
// subject area's): `05/BNV-VP`, `12/UBND-VX`. Two real defects: the unit left out (`33/UBND`) and
// the unit written first (`33/VP-UBND`). In incoming registers only senders that certainly follow
// NĐ 30 are judged for a missing unit (UBND, HĐND, ministries, Sở): mass organisations number their
// own way (`123/TLĐ`).
export default defineRule({
  meta: {
    id: 'symbol/cong-van-form',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Ký hiệu công văn gồm chữ viết tắt tên cơ quan ban hành rồi đến chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực (UBND-VP).',
      en: 'A công văn symbol is the issuer abbreviation followed by the drafting unit or subject area (UBND-VP).',
    },
    messages: {
      noUnit: {
        vi: 'Ký hiệu công văn "{value}" thiếu chữ viết tắt đơn vị soạn thảo hoặc lĩnh vực sau "{issuer}" (ví dụ "{issuer}-VP").{adviceVi}',
        en: 'Công văn symbol "{value}" lacks the drafting unit or subject area after "{issuer}" (e.g. "{issuer}-VP").{adviceEn}',
      },
      unitFirst: {
        vi: 'Ký hiệu công văn "{value}" ghi đơn vị "{unit}" trước cơ quan ban hành "{issuer}"; phải là "{fixed}".{adviceVi}',
        en: 'Công văn symbol "{value}" puts the unit "{unit}" before the issuer "{issuer}"; it must read "{fixed}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.b', kind: 'exact' },
    fix: 'suggestion',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '33/UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '33/UBND-VP', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    const outgoing = (kind: string): boolean => kind === 'outgoing';
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form !== 'cong-van' || parsed.issuer === undefined) return;
        const issuer = parsed.issuer;
        const severity = severityFor(entry);
        const own = outgoing(entry.register.kind);
        if (parsed.units.length === 0) {
          // `20/QH15` is a law without its year (symbol/year-segment); `12/TU` a broken Party symbol.
          if (isLawIssuer(issuer) || isPartyIssuer(issuer)) return;
          if (!own && !stateSender(issuer)) return;
          context.report({ entry, field: 'symbol', messageId: 'noUnit', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, issuer }, severity });
          return;
        }
        if (unitBeforeIssuer(parsed, own ? context.agency : undefined)) {
          const unit = issuer;
          const realIssuer = parsed.units[0] ?? '';
          const fixed = parsed.normalized.replace(`/${unit}-${realIssuer}`, `/${realIssuer}-${unit}`);
          context.report({
            entry,
            field: 'symbol',
            messageId: 'unitFirst',
            data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, unit, issuer: realIssuer, fixed },
            fix: { from: parsed.raw, to: fixed, kind: 'suggestion' },
            severity,
          });
        }
      },
    };
  },
});
