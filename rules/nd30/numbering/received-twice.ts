import type { Location } from '../../../src/core/types.js';
import { yearOf } from '../../../src/core/dates.js';
import { defineRule } from '../../../src/engine/rule.js';
import { fold } from '../../../src/register/headers.js';
import { ND30, symbolOf } from '../symbol/common.js';
import { placeOf } from './series.js';

// Phụ lục VI, Phần I, mục III.1.h: the system must alert the Văn thư when a document's number,
// symbol and issuing body all repeat — the same document registered twice (inspection finding 13:
// once from paper, once from the e-system; Điều 22.2: paper and electronic share one số đến).
// Key: the normalised symbol + the author (or, without an author column, the document date) + the
// document's year (numbers restart every year, so 05/QĐ-UBND of 2023 is another document).
export default defineRule({
  meta: {
    id: 'numbering/received-twice',
    category: 'numbering',
    defaultSeverity: 'warning',
    appliesTo: ['incoming'],
    description: {
      vi: 'Một văn bản đến (cùng số, ký hiệu và cơ quan ban hành) chỉ được đăng ký một lần.',
      en: 'An incoming document (same number, symbol and issuing body) is registered once.',
    },
    messages: {
      twice: {
        vi: 'Văn bản "{symbol}" của {author} đã được đăng ký ở {otherPlaceVi} (số đến {otherNumber}): đăng ký trùng.',
        en: 'Document "{symbol}" from {author} was already registered on {otherPlaceEn} (arrival number {otherNumber}): registered twice.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục VI, Phần I, mục III.1.h; Điều 22 khoản 2', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: {
        kind: 'incoming',
        entries: [
          { arrivalNumber: '14', arrivalDate: '10/05/2024', author: 'Sở Nội vụ', symbol: '123/SNV-VP', issuedDate: '08/05/2024' },
          { arrivalNumber: '15', arrivalDate: '11/05/2024', author: 'Sở Nội vụ', symbol: '123/SNV-VP', issuedDate: '08/05/2024' },
        ],
      },
      passing: {
        kind: 'incoming',
        entries: [
          { arrivalNumber: '14', arrivalDate: '10/05/2024', author: 'Sở Nội vụ', symbol: '123/SNV-VP', issuedDate: '08/05/2024' },
          { arrivalNumber: '15', arrivalDate: '11/05/2024', author: 'Sở Tài chính', symbol: '123/STC-VP', issuedDate: '08/05/2024' },
        ],
      },
    },
  },
  check(context) {
    const seen = new Map<string, { location: Location; number: string }>();
    // Senders repeat: fold each name once (accent folding is the costly part on 100,000 rows).
    const authorKeys = new Map<string, string>();
    const authorKey = (author: string): string => {
      let k = authorKeys.get(author);
      if (k === undefined) {
        k = fold(author).replace(/[^a-z0-9]+/g, ' ').trim();
        if (authorKeys.size < 10_000) authorKeys.set(author, k);
      }
      return k;
    };
    return {
      row(entry) {
        const p = symbolOf(entry);
        if (!p || p.form === 'empty') return;
        // A symbol without a number ("V/v …", "/TB-UBND") identifies nothing.
        const symbolKey = p.form === 'unparseable' ? fold(p.normalized).replace(/\s+/g, '') : p.number && Number.isFinite(p.number.value) ? fold(p.normalized) : '';
        if (symbolKey === '' || !/\d/.test(symbolKey)) return;
        const author = entry.text('author');
        const issued = entry.day('issuedDate');
        const who = author !== '' ? `a:${authorKey(author)}` : issued !== undefined ? `d:${issued}` : '';
        if (who === '') return;
        const day = issued ?? entry.day('arrivalDate');
        const year = day !== undefined ? yearOf(day) : (entry.register.title.year ?? '');
        const key = `${symbolKey}|${who}|${year}`;
        const other = seen.get(key);
        const here = entry.location('symbol');
        if (!other) {
          seen.set(key, { location: here, number: entry.text('arrivalNumber') });
          return;
        }
        const place = placeOf(other.location, here);
        context.report({
          entry,
          field: 'symbol',
          messageId: 'twice',
          data: { symbol: p.raw.trim(), author: author || '?', otherRow: other.location.row ?? '?', otherPlaceVi: place.vi, otherPlaceEn: place.en, otherNumber: other.number || '?' },
          related: [other.location],
        });
      },
    };
  },
});
