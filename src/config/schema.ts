// vanthu.config.json, validated once at load (STYLE habit 7). Browser-safe: takes parsed JSON.
import * as z from 'zod';
import { parseIso } from '../core/dates.js';
import { FIELDS } from '../core/types.js';

const fieldEnum = z.enum(FIELDS);

export const AgencySchema = z.strictObject({
  /** Full name, e.g. "UBND xã Bình Tấn". */
  name: z.string().optional(),
  /** The issuer abbreviation in outgoing symbols (`UBND`), set by the head of the agency (Phụ lục I II.3.d). */
  issuer: z.string().optional(),
  /** Other issuer abbreviations the agency legitimately signs as (e.g. `HĐND` next to `UBND`). */
  issuers: z.array(z.string()).optional(),
  /** Abbreviations of the agency's units / subject areas used in công văn symbols (`VP`, `KT`, `VHXH`). */
  units: z.array(z.string()).optional(),
});
export type AgencyConfig = z.infer<typeof AgencySchema>;

export const SeveritySettingSchema = z.enum(['error', 'warning', 'info', 'off']);

/** `"warning"`, `["warning", { …options }]` or `{ "severity": "warning", "options": { … } }`. */
export const RuleSettingSchema = z.union([
  SeveritySettingSchema,
  z.tuple([SeveritySettingSchema, z.record(z.string(), z.unknown())]),
  z.strictObject({ severity: SeveritySettingSchema.optional(), options: z.record(z.string(), z.unknown()).optional() }),
]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd')
  .refine((s) => parseIso(s) !== undefined, 'not a real calendar date');

/**
 * Numbering series (ND 30 Điều 15.1.c: the head of the agency decides the scheme for administrative
 * documents). QPPL types, copies, secret documents and other issuers always have their own series.
 */
export const NumberingSchema = z.strictObject({
  /**
   * auto (default): one series for all administrative documents of the agency, except type codes whose
   * numbers clearly run a series of their own in the register (detected, never assumed);
   * single: strictly one series; per-type: one per type code (công văn together).
   */
  scheme: z.enum(['auto', 'single', 'per-type']).default('auto'),
  /** Extra series, e.g. an advisory council's (Phụ lục I II.3.a): entries matching `types` or `pattern` (a RegExp on the symbol). */
  series: z
    .array(
      z
        .strictObject({
          name: z.string().min(1),
          types: z.array(z.string().min(1)).optional(),
          pattern: z
            .string()
            .refine((p) => {
              try {
                new RegExp(p, 'u');
                return true;
              } catch {
                return false;
              }
            }, 'not a valid regular expression')
            .optional(),
        })
        .refine((s) => (s.types?.length ?? 0) > 0 || s.pattern !== undefined, 'a series needs "types" or "pattern"'),
    )
    .optional(),
  /**
   * Numbers voided or recalled, explaining gaps: "2024:15", "2024:15-17" (year:number[-number], outgoing),
   * "đến:2024:15" (số đến), or "15/QĐ-UBND@2024" (symbol@year).
   */
  voided: z
    .array(z.string().regex(/^(?:(?:đến|den):)?\d{4}:\d{1,6}(?:-\d{1,6})?$|^[^@]+@\d{4}$/iu, 'expected "2024:15", "2024:15-17", "đến:2024:15" or "15/QĐ-UBND@2024"'))
    .optional(),
  /**
   * Days on which numbering legitimately started again at 01 mid-year. Default: 2025-07-01, when
   * merged communes and provinces started operating and, in practice, new registers [M]. A series is
   * split there only when its numbers really restart; [] turns it off.
   */
  restarts: z.array(isoDate).default(['2025-07-01']),
});
export type NumberingConfig = z.infer<typeof NumberingSchema>;

/** Local changes to the working-day calendar (rules/data/vn-days-off.json): days off, working days, weekend. */
export const CalendarSchema = z.strictObject({
  extraDaysOff: z.array(isoDate).optional(),
  extraWorkingDays: z.array(isoDate).optional(),
  /** Weekdays of the weekly rest, 0 = Sunday … 6 = Saturday; default [0, 6]. */
  weekend: z.array(z.number().int().min(0).max(6)).optional(),
});
export type CalendarConfig = z.infer<typeof CalendarSchema>;

/** Inspector mode: the units of a campaign and the names other units use for them. */
export const UnitSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  /** The issuer abbreviation in the unit's own symbols. */
  issuer: z.string().optional(),
  /** Folder (or path part) holding the unit's files. */
  folder: z.string().optional(),
});

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  agency: AgencySchema.optional(),
  /** Force the register kind instead of detecting it (same as `--kind`). */
  kind: z.enum(['outgoing', 'incoming']).optional(),
  /**
   * The files are partial lists (a gazette's list, a danh mục), not whole registers (same as
   * `--partial`): gaps and the first number are summarised, never reported as unregistered documents.
   */
  partial: z.boolean().optional(),
  /** Column-mapping overrides: field → header text(s) or a column letter (`"C"`). */
  columns: z.partialRecord(fieldEnum, z.union([z.string(), z.array(z.string())])).optional(),
  rules: z.record(z.string(), RuleSettingSchema).optional(),
  numbering: NumberingSchema.optional(),
  /**
   * A Party committee's book (`05-NQ/ĐU`): Party documents are numbered from 01 per type over the
   * committee's term (nhiệm kỳ), not per year (Hướng dẫn 05-HD/VPTW of 2026, as 36-HD/VPTW before).
   * `termStart`: the first day of each term (the congress), e.g. ["2020-08-15", "2025-07-20"];
   * without it all Party numbers of the book count in one term.
   */
  party: z.strictObject({ termStart: z.union([isoDate, z.array(isoDate)]).optional() }).optional(),
  calendar: CalendarSchema.optional(),
  units: z.array(UnitSchema).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;
