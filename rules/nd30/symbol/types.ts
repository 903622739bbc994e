// The result of parsing a "Số, ký hiệu" cell (ND 30/2020 Phụ lục I, Phần I, mục II.3; QPPL forms
// after Luật 64/2025 Điều 7.3; Party forms after the Party's own rules). Three layers:
// tokenizer (tolerant) → normaliser (records every repair) → validator (decides the form).

/** Which symbol grammar the value follows. */
export type SymbolForm =
  /** `NN/TYPE-ISSUER[-UNIT…]`, TYPE in Phụ lục III (or a non-official code such as CV: see `typeStatus`). */
  | 'typed'
  /** `NN/ISSUER-UNIT` — công văn have no type code (Phụ lục I II.3.b). */
  | 'cong-van'
  /** `NN/SY|SL|TrS-ISSUER` — copies, their own shared series (Phụ lục I Phần II II.1.c). */
  | 'copy'
  /** `NN/YYYY/TYPE-ISSUER` — legal normative documents. */
  | 'qppl'
  /** `NN/YYYY/QH15`, `NN/YYYY/UBTVQH15` — laws, resolutions of the National Assembly / its Standing Committee. */
  | 'law'
  /** `NN/YYYY/TTLT-A-B`, `NN/YYYY/NQLT-A-B` — joint QPPL. */
  | 'joint'
  /** `NN/VBHN-ISSUER` — văn bản hợp nhất. */
  | 'vbhn'
  /** `NN-TYPE/ISSUER` — Party documents (`12-NQ/TU`, `345-CV/HU`). */
  | 'party'
  /** `NN-ISSUER/TYPE` — pre-1997 State form (`22-BNV/TT`). */
  | 'historic'
  | 'unparseable'
  | 'empty';

/** One change the normaliser made to reach a parseable symbol. */
export interface Repair {
  readonly kind:
    | 'nfc' // decomposed Unicode recomposed
    | 'trim' // leading/trailing whitespace
    | 'space' // space inside the symbol removed
    | 'line-break' // a line break inside the cell joined
    | 'lookalike' // Ð U+00D0, ⁄ U+2044, –/— dashes, Cyrillic letters … replaced
    | 'separator' // wrong separator (`_`, `.`, `/` between groups, `-` between number and symbols)
    | 'lost-hyphen' // `QĐUBND` split into `QĐ-UBND` (hyphen lost in a PDF text layer)
    | 'd-for-đ' // `QD` read as `QĐ`
    | 'case' // `QĐ-ubnd`, `TTR` → canonical case
    | 'note' // a remark after the symbol (`12/SNV-VP đã hủy`) set aside: it belongs in Ghi chú
    | 'type-name'; // the type name written before the symbol (`Thông tư 217-KHKT/TT`) set aside
  /** The text before and after, as small as possible (e.g. `" / "` → `"/"`). */
  readonly from: string;
  readonly to: string;
  /**
   * The repair is one likely reading among others (a space between two issuer codes may stand for
   * a hyphen or be a typo inside one code; a space after the number for "/" or "-"): a fix built on
   * it is a suggestion, never safe.
   */
  readonly uncertain?: true;
}

/** The running number at the front of the symbol. */
export interface SymbolNumber {
  /** The digits as written, e.g. `"05"`, `"5"`, `"0087"`, `"236"` (without a letter suffix). */
  readonly digits: string;
  /** Numeric value (`"007"` → 7); NaN when digits is empty. */
  readonly value: number;
  /** A letter (or `.N`) appended to the number: `236a` → `"a"`, `66.3` → `".3"`. */
  readonly suffix?: string;
  /** Non-Arabic or otherwise malformed number text (`"V"`, `"1O"`), when the number is not digits. */
  readonly malformed?: string;
}

export interface ParsedSymbol {
  /** The cell text exactly as read. */
  readonly raw: string;
  /** The symbol after all repairs (the canonical spelling the validator checked). */
  readonly normalized: string;
  readonly form: SymbolForm;
  readonly number?: SymbolNumber;
  /** The 4-digit year segment of QPPL forms, as written. */
  readonly year?: string;
  /** Type code as written after look-alike repair (e.g. `QĐ`, `TTr`, `CV`, `TTR`). */
  readonly type?: string;
  /** Canonical spelling of the type code when known (`TTR` → `TTr`, `QYĐ` → `QyĐ`). */
  readonly canonicalType?: string;
  /** official: in Phụ lục III (or the QPPL/Party tables); unofficial: a known non-official code (CV, GT, BSY…); unknown. */
  readonly typeStatus?: 'official' | 'unofficial' | 'unknown';
  /** Issuing body abbreviation (`UBND`, `BNV`, `TTg`, `CP`, `QH15`, `TU` for Party forms). */
  readonly issuer?: string;
  /** Further groups after the issuer (drafting unit, subject area; joint issuers for TTLT). */
  readonly units: readonly string[];
  /** Every repair made; empty when the value was written exactly right. */
  readonly repairs: readonly Repair[];
}
