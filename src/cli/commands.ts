// The small commands: `rules` (table of rules), `explain <id>` (what a rule checks, its article, a
// failing and a passing example run live), `init` (a commented starter config).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { dayNumber } from '../core/dates.js';
import { localize } from '../core/messages.js';
import type { Lang } from '../core/types.js';
import { checkMemory, exampleRegister } from '../engine/memory.js';
import type { AnyRule, RuleExample } from '../engine/rule.js';
import { formatCitation } from '../report/report.js';

const SEV: Record<Lang, Record<string, string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** `vanthu-lint rules`: one line per rule, aligned. */
export function rulesTable(rules: readonly AnyRule[], lang: Lang): string {
  const rows = rules.map((r) => [r.meta.id, SEV[lang][r.meta.defaultSeverity]!, r.meta.category, formatCitation(r.meta.citation), r.meta.description[lang]]);
  const head = lang === 'vi' ? ['Mã quy tắc', 'Mức', 'Nhóm', 'Căn cứ', 'Nội dung'] : ['Rule id', 'Severity', 'Category', 'Citation', 'Description'];
  const widths = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `${r.slice(0, 3).map((c, i) => c.padEnd(widths[i]!)).join('  ')}  ${r[3]}\n${' '.repeat(widths[0]! + 2)}${r[4]}`;
  return `${line(head)}\n${rows.map(line).join('\n')}\n`;
}

function exampleText(ex: RuleExample): string {
  const config = ex.config ? `    config: ${JSON.stringify(ex.config)}\n` : '';
  return config + ex.entries.map((e, i) => `    ${i + 1}. ${Object.entries(e).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}`).join('\n');
}

/** `vanthu-lint explain <id>`: description, citation, and the examples with what the rule says on them. */
export async function explainRule(rule: AnyRule, registry: readonly AnyRule[], lang: Lang): Promise<string> {
  const m = rule.meta;
  const vi = lang === 'vi';
  const out: string[] = [
    `${m.id} — ${m.description[lang]}`,
    '',
    `${vi ? 'Căn cứ' : 'Citation'}: ${formatCitation(m.citation)}${m.citation.kind === 'derived' ? (vi ? ' (suy ra từ văn bản)' : ' (derived from the text)') : ''}`,
    `${vi ? 'Mức mặc định' : 'Default severity'}: ${SEV[lang][m.defaultSeverity]} · ${vi ? 'Nhóm' : 'Category'}: ${m.category} · ${vi ? 'Sổ' : 'Registers'}: ${m.appliesTo.join(', ')} · ${vi ? 'Sửa tự động' : 'Fix'}: ${m.fix}`,
    '',
    vi ? 'Thông báo:' : 'Messages:',
    ...Object.entries(m.messages).map(([id, t]) => `  ${id}: ${t[lang]}`),
  ];
  if (m.examples) {
    const asOf = dayNumber(2025, 1, 15);
    for (const [label, ex] of [
      [vi ? 'Ví dụ vi phạm' : 'Failing example', m.examples.failing],
      [vi ? 'Ví dụ đúng' : 'Passing example', m.examples.passing],
    ] as const) {
      const [file] = await checkMemory([exampleRegister(ex)], { rules: registry.filter((r) => r.meta.id === m.id), asOf, ...(ex.config ? { config: ex.config } : {}) });
      const found = (file?.findings ?? []).filter((f) => f.ruleId === m.id);
      out.push('', `${label} (${vi ? 'sổ' : 'register'} ${ex.kind}):`, exampleText(ex));
      out.push(
        found.length === 0
          ? `  → ${vi ? 'không có phát hiện' : 'no finding'}`
          : found.map((f) => `  → ${vi ? 'dòng' : 'row'} ${f.location.row}: ${localize(m.messages[f.messageId]!, lang, f.data)}`).join('\n'),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export interface InitOptions {
  readonly agencyName?: string;
  readonly issuer?: string;
  readonly units?: readonly string[];
}

/** The commented starter config `init` writes. */
export function starterConfig(o: InitOptions): string {
  const units = (o.units ?? ['VP']).map((u) => JSON.stringify(u)).join(', ');
  return `// vanthu-lint — cấu hình cho ${o.agencyName ?? 'cơ quan'} (configuration)
// Tài liệu: README.md, mục "Configuration". Xem các quy tắc: vanthu-lint rules
{
  "agency": {
    // Tên cơ quan (agency name)
    "name": ${JSON.stringify(o.agencyName ?? 'UBND xã …')},
    // Chữ viết tắt tên cơ quan trong ký hiệu văn bản đi, do người đứng đầu quy định (Phụ lục I II.3.d)
    "issuer": ${JSON.stringify(o.issuer ?? 'UBND')},
    // Chữ viết tắt các đơn vị / lĩnh vực dùng trong ký hiệu công văn (ví dụ 12/UBND-VP)
    "units": [${units}]
  },
  // Mức của từng quy tắc: "error" | "warning" | "info" | "off"
  "rules": {
    // "symbol/leading-zero": "warning"
  },
  // Cách đánh số văn bản hành chính (Điều 15.1.c): "single" = một dãy số chung, "per-type" = theo từng loại
  "numbering": { "scheme": "single" },
  // Ngày nghỉ / ngày làm việc riêng của địa phương (yyyy-mm-dd)
  "calendar": { "extraDaysOff": [], "extraWorkingDays": [] }
}
`;
}

/** Writes ./vanthu.config.json unless one exists; returns the path written. */
export async function writeStarterConfig(cwd: string, o: InitOptions): Promise<string> {
  const file = resolve(join(cwd, 'vanthu.config.json'));
  if (existsSync(file)) throw new Error(`exists: ${file}`);
  await writeFile(file, starterConfig(o), { flag: 'wx' });
  return file;
}
