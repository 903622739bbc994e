import { formatDate } from '../../../src/core/dates.js';
import type { Location, MessageData } from '../../../src/core/types.js';
import { defineRule } from '../../../src/engine/rule.js';
import { declaredYear, pad2, seriesHandlers, yearOfDay as yearOf, type Series, type SeriesCollector, type SeriesModel } from '../numbering/series.js';
import { label, ND30 } from './common.js';

// Entries belong to their register's period: its year, and the ranges its cover declares.
//
// Year (Điều 15.1, 22.2: numbers run within one calendar year, so a register is opened per year;
// Phụ lục IV cover "Năm"): an entry dated in another year than its book — a typo such as 05/03/2023
// in the 2024 book — is reported; the numbering rules keep it in its neighbours' series so that it
// opens no false gap. Without a declared year the book's year is the neighbours': only isolated
// entries are reported, never the run of January entries of a book that rolls over into the next
// year (numbering/no-restart judges that). A long run from another year in a declared book is
// reported once.
//
// Volumes (Phụ lục IV cover: "Từ ngày … đến ngày …", "Từ số … đến số …", "Quyển số"): entries
// outside the declared dates or numbers belong to another volume, and a volume whose first or last
// number is not the declared one has lost entries at its start or end (the gap between volumes is
// numbering/gap's). Numbers are those of the book's main series (the agency's largest
// administrative series, or số đến). The cover dates are compared with the first and last entries
// only when the cover also declares its numbers (a closed volume): dates alone often state the
// book's period.
const LONG_RUN = 5;

export default defineRule({
  meta: {
    id: 'register/period',
    category: 'register',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Văn bản trong sổ phải thuộc năm của sổ và nằm trong khoảng ngày, khoảng số ghi trên bìa sổ (quyển), khớp với số, ngày đầu và cuối quyển.',
      en: 'Entries must lie in the register\'s year and within the date and number ranges its (volume) cover declares, matching its first and last number and date.',
    },
    messages: {
      outsideYear: {
        vi: '{fieldVi} {date} thuộc năm {dateYear}, không thuộc năm {year} của sổ (các văn bản liền trước, liền sau đều năm {year}).',
        en: 'The {fieldEn} {date} is in {dateYear}, not in the register\'s year {year} (the entries around it are all of {year}).',
      },
      outsideDeclaredYear: {
        vi: '{fieldVi} {date} thuộc năm {dateYear}, không thuộc năm {year} ghi trên sổ.',
        en: 'The {fieldEn} {date} is in {dateYear}, not in the year {year} the register declares.',
      },
      yearRun: {
        vi: '{count} văn bản liên tiếp (đến dòng {lastRow}) có ngày thuộc năm {dateYear}, trong sổ năm {year}: mỗi năm phải mở sổ riêng.',
        en: '{count} consecutive entries (to row {lastRow}) are dated in {dateYear}, in the register of {year}: each year needs its own register.',
      },
      dateOutside: {
        vi: '{fieldVi} {date} nằm ngoài khoảng "Từ ngày {from} đến ngày {to}" ghi trên sổ.',
        en: 'The {fieldEn} {date} is outside the range "from {from} to {to}" the register declares.',
      },
      numberOutside: {
        vi: 'Số {number} nằm ngoài khoảng "Từ số {from} đến số {to}" ghi trên sổ.',
        en: 'Number {number} is outside the range "from {from} to {to}" the register declares.',
      },
      firstNumber: {
        vi: 'Sổ ghi "Từ số {from}" nhưng văn bản đầu tiên mang số {number}: thiếu số đầu quyển.',
        en: 'The register declares "from number {from}" but its first entry is number {number}: the start of the volume is missing.',
      },
      lastNumber: {
        vi: 'Sổ ghi "đến số {to}" nhưng văn bản cuối cùng mang số {number}: thiếu số cuối quyển.',
        en: 'The register declares "to number {to}" but its last entry is number {number}: the end of the volume is missing.',
      },
      firstDate: {
        vi: 'Sổ ghi "Từ ngày {from}" nhưng văn bản số {number} đầu quyển mang ngày {date}.',
        en: 'The register declares "from {from}" but number {number}, the first of the volume, is dated {date}.',
      },
      lastDate: {
        vi: 'Sổ ghi "đến ngày {to}" nhưng văn bản số {number} cuối quyển mang ngày {date}.',
        en: 'The register declares "to {to}" but number {number}, the last of the volume, is dated {date}.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 22 khoản 2; Phụ lục IV (bìa sổ: Năm; Từ ngày … đến ngày …; Từ số … đến số …; Quyển số)', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '56/QĐ-UBND', issuedDate: '04/03/2024' }, { symbol: '57/QĐ-UBND', issuedDate: '05/03/2023' }, { symbol: '58/QĐ-UBND', issuedDate: '06/03/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '56/QĐ-UBND', issuedDate: '04/03/2024' }, { symbol: '57/QĐ-UBND', issuedDate: '05/03/2024' }, { symbol: '58/QĐ-UBND', issuedDate: '06/03/2024' }] },
    },
  },
  check(context) {
    const report = (location: Location, messageId: string, data: MessageData, severity?: 'warning'): void =>
      context.report({ location, messageId, data, ...(severity ? { severity } : {}) });
    return seriesHandlers(context, (model, c) => {
      const flagged = years(model, c, report);
      declaredDates(c, flagged, report);
      volumes(model, c, report);
    });
  },
});

type Report = (location: Location, messageId: string, data: MessageData, severity?: 'warning') => void;

/** Entries dated outside the register's year; returns them so that other checks do not repeat the finding. */
function years(model: SeriesModel, c: SeriesCollector, report: Report): Set<number> {
  const flagged = new Set<number>();
  const flag = (i: number, messageId: string, data: MessageData): void => {
    flagged.add(i);
    report(c.dateLocation(i), messageId, data);
  };
  const l = label(c.dateField);
  const base = { fieldVi: l.vi, fieldEn: l.en };
  for (let r = 0; r < c.registers.length; r++) {
    const declared = declaredYear(c.registers[r]!);
    const [a, b] = c.registerRange(r);
    if (declared === undefined) {
      for (let i = a; i < b; i++) {
        if (!model.outlier[i]) continue;
        const d = c.day.at(i);
        flag(i, 'outsideYear', { ...base, date: formatDate(d), dateYear: yearOf(d), year: model.years[i]! });
      }
      continue;
    }
    let i = a;
    while (i < b) {
      const d = c.day.at(i);
      if (Number.isNaN(d) || yearOf(d) === declared) {
        i++;
        continue;
      }
      const y = yearOf(d);
      let j = i;
      while (j < b && !Number.isNaN(c.day.at(j)) && yearOf(c.day.at(j)) === y) j++;
      if (j - i >= LONG_RUN) {
        flag(i, 'yearRun', { ...base, count: j - i, lastRow: c.row.at(j - 1), dateYear: y, year: declared, date: formatDate(d) });
        for (let k = i + 1; k < j; k++) flagged.add(k);
      } else for (let k = i; k < j; k++) flag(k, 'outsideDeclaredYear', { ...base, date: formatDate(c.day.at(k)), dateYear: y, year: declared });
      i = j;
    }
  }
  return flagged;
}

/** Entries dated outside the cover's "Từ ngày … đến ngày …" (unless already reported for their year). */
function declaredDates(c: SeriesCollector, flagged: ReadonlySet<number>, report: Report): void {
  const l = label(c.dateField);
  for (let r = 0; r < c.registers.length; r++) {
    const t = c.registers[r]!.title;
    if (t.fromDate === undefined && t.toDate === undefined) continue;
    const from = t.fromDate !== undefined ? formatDate(t.fromDate) : '…';
    const to = t.toDate !== undefined ? formatDate(t.toDate) : '…';
    const [a, b] = c.registerRange(r);
    for (let i = a; i < b; i++) {
      const d = c.day.at(i);
      if (Number.isNaN(d) || flagged.has(i) || ((t.fromDate === undefined || d >= t.fromDate) && (t.toDate === undefined || d <= t.toDate))) continue;
      report(c.dateLocation(i), 'dateOutside', { fieldVi: l.vi, fieldEn: l.en, date: formatDate(d), from, to });
    }
  }
}

function volumes(model: SeriesModel, c: SeriesCollector, report: Report): void {
  for (let r = 0; r < c.registers.length; r++) {
    const t = c.registers[r]!.title;
    if (t.fromNumber === undefined || t.toNumber === undefined) continue;
    const from = t.fromNumber;
    const to = t.toNumber;
    // The book's main series: the agency's series with the most entries in this register.
    let main: Series | undefined;
    let most = 0;
    for (const s of model.series) {
      if (!s.agency) continue;
      let n = 0;
      for (const i of s.items) if (c.reg.at(i) === r) n++;
      if (n > most) [main, most] = [s, n];
    }
    if (!main) continue;
    let low: number | undefined;
    let high: number | undefined;
    for (const i of main.items) {
      if (c.reg.at(i) !== r || c.suffix.has(i)) continue;
      const x = c.num.at(i);
      if (x < from || x > to) {
        report(c.location(i), 'numberOutside', { number: c.label(i), from: pad2(from), to: pad2(to) });
        continue;
      }
      if (low === undefined || x < c.num.at(low)) low = i;
      if (high === undefined || x > c.num.at(high)) high = i;
    }
    if (low === undefined || high === undefined) continue;
    const dates = t.fromDate !== undefined && t.toDate !== undefined;
    if (c.num.at(low) > from) report(c.location(low), 'firstNumber', { number: c.label(low), from: pad2(from) });
    else if (dates && !Number.isNaN(c.day.at(low)) && c.day.at(low) !== t.fromDate) {
      report(c.dateLocation(low), 'firstDate', { number: c.label(low), from: formatDate(t.fromDate!), date: formatDate(c.day.at(low)) }, 'warning');
    }
    if (c.num.at(high) < to) report(c.location(high), 'lastNumber', { number: c.label(high), to: pad2(to) });
    else if (dates && !Number.isNaN(c.day.at(high)) && c.day.at(high) !== t.toDate) {
      report(c.dateLocation(high), 'lastDate', { number: c.label(high), to: formatDate(t.toDate!), date: formatDate(c.day.at(high)) }, 'warning');
    }
  }
}
