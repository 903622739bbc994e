import { defineRule } from '../../../src/engine/rule.js';
import type { RegisterInfo } from '../../../src/register/model.js';
import { headerLocation } from '../register/common.js';
import { ND30 } from '../symbol/common.js';
import { firstHolders, pad2, seriesData, seriesHandlers, type Series, type SeriesCollector, type SeriesModel } from './series.js';

// Điều 15.1: outgoing numbers follow the order of issue within the year, from 01 on; Điều 22.2: số
// đến are taken consecutively. A number with no entry is a document missing from the register (or a
// number skipped, "nhảy số"). Gaps are computed per series and year (series.ts), across volumes and
// files, and reported once per range at the entry after it. A gap explained by the config's voided
// list or by a Ghi chú note ("hủy số", "bỏ số", "thu hồi số 15" …) is info, not an error.
export default defineRule({
  meta: {
    id: 'numbering/gap',
    category: 'numbering',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số văn bản đi và số đến phải liên tục trong năm; số bị bỏ trống là văn bản chưa được đăng ký.',
      en: 'Outgoing numbers and arrival numbers must be consecutive within the year; a skipped number is a document missing from the register.',
    },
    messages: {
      gap: {
        vi: 'Thiếu số {range} trong dãy số {seriesVi} năm {year} (giữa số {before} và số {after}).',
        en: 'Number(s) {range} missing from the {seriesEn} series of {year} (between {before} and {after}).',
      },
      explained: {
        vi: 'Thiếu số {range} trong dãy số {seriesVi} năm {year}, đã được giải thích: {reasonVi}.',
        en: 'Number(s) {range} missing from the {seriesEn} series of {year}, explained: {reasonEn}.',
      },
      partial: {
        vi: 'Đây là danh mục, danh sách trích một phần văn bản ({whyVi}), không phải cả sổ đăng ký: {gaps} chỗ hở số ({missing} số) trong {series} dãy số không bị coi là văn bản chưa đăng ký, số đầu dãy không được kiểm tra. Nếu đây là cả sổ, chạy lại không có --partial (hoặc bỏ "partial": true trong tệp cấu hình).',
        en: 'This is a list of selected documents ({whyEn}), not a whole register: {gaps} gaps ({missing} numbers) in {series} series are not taken for unregistered documents, and first numbers are not checked. If it is the whole register, run again without --partial (or drop "partial": true from the config).',
      },
      outlier: {
        vi: 'Số {after} cách xa dãy số {seriesVi} năm {year} (số liền trước là {before}): kiểm tra lại số; nếu đúng thì thiếu {missing} số ({range}).',
        en: 'Number {after} is far beyond the {seriesEn} series of {year} (the number before it is {before}): check the number; if it is right, {missing} numbers ({range}) are missing.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 22 khoản 2', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '01/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '03/QĐ-UBND', issuedDate: '03/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '01/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '02/QĐ-UBND', issuedDate: '03/01/2024' }] },
    },
  },
  check(context) {
    return seriesHandlers(context, (model, c) => {
      const named = namedByYear(c, model);
      // Partial lists: per register, the gaps counted and summarised once (at its header row).
      const partial = new Map<RegisterInfo, { gaps: number; missing: number; series: Set<Series> }>();
      for (const s of model.series) {
        const first = firstHolders(c, s);
        const sorted = Float64Array.from(first.keys()).sort();
        const info = c.register(s.items[0]!);
        if (info.partial !== undefined) {
          let p = partial.get(info);
          if (!p) partial.set(info, (p = { gaps: 0, missing: 0, series: new Set() }));
          for (let k = 1; k < sorted.length; k++) {
            if (sorted[k]! - sorted[k - 1]! <= 1) continue;
            p.gaps++;
            p.missing += sorted[k]! - sorted[k - 1]! - 1;
            p.series.add(s);
          }
          continue;
        }
        for (let k = 1; k < sorted.length; k++) {
          const before = sorted[k - 1]!;
          const after = sorted[k]!;
          if (after - before <= 1) continue;
          const from = before + 1;
          const to = after - 1;
          const missing = to - from + 1;
          const range = from === to ? pad2(from) : `${pad2(from)}–${pad2(to)}`;
          const data = { range, before: pad2(before), after: pad2(after), missing, ...seriesData(s) };
          const at = first.get(after)!;
          // A number far beyond the others at the top of the series is more likely a typo than 1,000 missing documents.
          const above = sorted.length - k;
          if (above <= 2 && missing > Math.max(20, 2 * k)) {
            context.report({ location: c.location(at), messageId: 'outlier', data, severity: 'warning' });
            continue;
          }
          const reason = explain(c, s, from, to, first.get(before)!, at, named);
          if (reason) context.report({ location: c.location(at), messageId: 'explained', data: { ...data, reasonVi: reason.vi, reasonEn: reason.en }, severity: 'info' });
          else context.report({ location: c.location(at), messageId: 'gap', data });
        }
      }
      for (const [info, p] of partial) {
        if (p.gaps === 0) continue;
        const why =
          info.partial === 'option'
            ? { vi: 'theo tùy chọn --partial hoặc "partial": true', en: 'per --partial or "partial": true' }
            : info.partial === 'title'
              ? { vi: 'tiêu đề là danh mục hoặc công báo', en: 'its title is a list or gazette' }
              : { vi: 'có cột cơ quan ban hành cho từng văn bản', en: 'it names the issuer of each document' };
        context.report({ location: headerLocation(info), messageId: 'partial', data: { whyVi: why.vi, whyEn: why.en, gaps: p.gaps, missing: p.missing, series: p.series.size }, severity: 'info' });
      }
    });
  },
});

/** Year → number → entry whose note names it as voided or recalled. */
function namedByYear(c: SeriesCollector, model: SeriesModel): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const [i, numbers] of c.named) {
    const y = model.years[i]!;
    let m = out.get(y);
    if (!m) out.set(y, (m = new Map()));
    for (const x of numbers) if (!m.has(x)) m.set(x, i);
  }
  return out;
}

function explain(c: SeriesCollector, s: Series, from: number, to: number, beforeAt: number, afterAt: number, named: Map<number, Map<number, number>>): { vi: string; en: string } | undefined {
  const voided = c.settings.voided.filter(
    (v) => v.kind === c.kind && v.year === s.year && (v.base === undefined || (s.key.startsWith(`${v.base}|`) && (s.type === undefined || v.type === s.type))),
  );
  const configured = (x: number): boolean => voided.some((v) => x >= v.from && x <= v.to);
  const inNotes = named.get(s.year);
  let noteAt: number | undefined;
  let all = true;
  for (let x = from; x <= to; x++) {
    if (configured(x)) continue;
    const at = inNotes?.get(x);
    if (at === undefined) {
      all = false;
      break;
    }
    noteAt ??= at;
  }
  if (all) {
    return noteAt === undefined
      ? { vi: 'số đã hủy theo cấu hình numbering.voided', en: 'voided in the numbering.voided config' }
      : { vi: `ghi chú ở dòng ${c.row.at(noteAt)}`, en: `note on row ${c.row.at(noteAt)}` };
  }
  // "Hủy số" on the entry just before or after the gap.
  for (const at of [afterAt, beforeAt]) {
    if (c.voidNote.has(at)) return { vi: `ghi chú ở dòng ${c.row.at(at)}`, en: `note on row ${c.row.at(at)}` };
  }
  return undefined;
}
