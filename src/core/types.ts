// The data types every layer shares. Browser-safe: no Node imports anywhere under src/core.

export type Lang = 'vi' | 'en';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type RegisterKind = 'outgoing' | 'incoming';

/** Text in both user-facing languages. Vietnamese first, NFC. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

/**
 * Canonical register fields (ND 30/2020 Phụ lục IV forms, names after Phụ lục VI system fields).
 * Outgoing: symbol … notes; incoming adds arrivalDate, arrivalNumber, author, handler, transferDate.
 */
export const FIELDS = [
  'index',
  'number',
  'symbol',
  'issuedDate',
  'typeAndSubject',
  'type',
  'subject',
  'signer',
  'recipients',
  'retainedBy',
  'copies',
  'dispatchDate',
  'arrivalDate',
  'arrivalNumber',
  'author',
  'handler',
  'transferDate',
  'receivedSignature',
  'notes',
  'urgency',
  'secrecy',
  'dueDate',
  'resolvedDate',
  'status',
] as const;
export type FieldName = (typeof FIELDS)[number];

/** Fields whose cells hold dates: numbers there are spreadsheet serials, text is parsed. */
export const DATE_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>([
  'issuedDate',
  'dispatchDate',
  'arrivalDate',
  'transferDate',
  'dueDate',
  'resolvedDate',
]);

/**
 * Where a finding points. The one way to say "where" (STYLE habit 4).
 * `row` is the physical 1-based row as Excel shows it (for PDFs: the entry's row in the printed
 * table, with page and line). `value` is the original cell text, as evidence.
 */
export interface Location {
  readonly file: string;
  readonly sheet?: string;
  readonly page?: number;
  readonly line?: number;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
  readonly field?: FieldName;
  readonly value?: string;
}

/** A structured citation of the article a rule enforces. */
export interface Citation {
  readonly instrument: string;
  readonly article: string;
  /** exact: the text says it; derived: an inference from the text (stated as such). */
  readonly kind: 'exact' | 'derived';
}

export interface Fix {
  readonly field: FieldName;
  readonly from: string;
  readonly to: string;
  /** safe: certain, can be applied blindly; suggestion: a human must confirm. */
  readonly kind: 'safe' | 'suggestion';
}

export type MessageData = Readonly<Record<string, string | number>>;

/** A finding as data; the message is rendered late, in the report's language (STYLE habit 5). */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly data: MessageData;
  readonly location: Location;
  readonly related?: readonly Location[];
  readonly fix?: Fix;
}

export type RuleCategory = 'symbol' | 'numbering' | 'timeliness' | 'register' | 'input';
