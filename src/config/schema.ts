// vanthu.config.json, validated once at load (STYLE habit 7). Browser-safe: takes parsed JSON.
import { z } from 'zod';
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

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  agency: AgencySchema.optional(),
  /** Force the register kind instead of detecting it (same as `--kind`). */
  kind: z.enum(['outgoing', 'incoming']).optional(),
  /** Column-mapping overrides: field → header text(s) or a column letter (`"C"`). */
  columns: z.partialRecord(fieldEnum, z.union([z.string(), z.array(z.string())])).optional(),
  rules: z.record(z.string(), RuleSettingSchema).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;
