// The engine entry itself: what checkFiles promises beyond the CLI's outputs (golden, browser tests).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, ConfigError } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const LOI = { name: 'so-di-2024-loi.xlsx', bytes: readFileSync(join(ROOT, 'fixtures/so-di-2024-loi.xlsx')) };

describe('checkFiles', () => {
  it('an invalid config is a ConfigError, even units that are not objects (inspector mode)', async () => {
    await expect(checkFiles({ files: [LOI], config: { units: [null] }, units: { [LOI.name]: 'A' } })).rejects.toBeInstanceOf(ConfigError);
    await expect(checkFiles({ files: [LOI], config: { rules: { 'khong/co': 'error' } } })).rejects.toBeInstanceOf(ConfigError);
  });

  it('tells its progress while one big file is read, not only when files end', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${String(i + 1).padStart(2, '0')}/QĐ-UBND;02/01/2024;Quyết định về việc thực hiện nhiệm vụ số ${i};Trần Văn A;UBND huyện`);
    const csv = new TextEncoder().encode(`Số, ký hiệu văn bản;Ngày tháng văn bản;Tên loại và trích yếu nội dung văn bản;Người ký;Nơi nhận văn bản\n${rows.join('\n')}\n`);
    const seen: { files: number; entries: number }[] = [];
    const report = await checkFiles({ files: [{ name: 'so-di.csv', bytes: csv }], asOf: '2025-01-15', onProgress: (p) => seen.push({ files: p.files, entries: p.entries }) });
    expect(report.summary.entries).toBe(20_000);
    const during = seen.filter((p) => p.files === 0);
    expect(during.length).toBeGreaterThan(1);
    expect(during.some((p) => p.entries > 0 && p.entries < 20_000)).toBe(true);
    for (let i = 1; i < during.length; i++) expect(during[i]!.entries).toBeGreaterThanOrEqual(during[i - 1]!.entries);
    expect(seen.at(-1)).toEqual({ files: 1, entries: 20_000 });
  });

  it('an aborted signal stops before any document or register is read', async () => {
    let reads = 0;
    const counted = { name: 'x.pdf', bytes: async () => (reads++, new Uint8Array(0)) };
    await expect(checkFiles({ files: [{ ...counted, name: 'x.xlsx' }], documents: [counted], signal: AbortSignal.abort() })).rejects.toThrow();
    expect(reads).toBe(0);
  });

  it('bad bytes become the file’s error, and input order is kept whatever the units', async () => {
    const report = await checkFiles({
      files: [{ name: 'hong.xlsx', bytes: new Uint8Array([1, 2, 3]) }, LOI, { name: 'b.xlsx', bytes: LOI.bytes }],
      units: { 'hong.xlsx': 'B', [LOI.name]: 'A', 'b.xlsx': 'B' },
      asOf: '2025-01-15',
    });
    expect(report.files.map((f) => [f.path, f.error?.code])).toEqual([
      ['hong.xlsx', 'unsupported-type'],
      [LOI.name, undefined],
      ['b.xlsx', undefined],
    ]);
    expect(report.units?.map((u) => u.unit).sort()).toEqual(['A', 'B']);
  });
});

describe('written workbooks', () => {
  it('are the same bytes in every time zone', () => {
    const script = `import { summaryWorkbook } from ${JSON.stringify(join(ROOT, 'src/index.ts'))};
import { createHash } from 'node:crypto';
const report = { version: 1, tool: { name: 'vanthu-lint', version: '0' }, lang: 'vi', files: [], summary: { files: 0, fileErrors: 0, registers: 0, entries: 0, errors: 0, warnings: 0, infos: 0 } };
console.log(createHash('sha256').update(await summaryWorkbook(report)).digest('hex'));`;
    const hash = (tz: string): string =>
      execFileSync(process.execPath, ['--import', import.meta.resolve('tsx/esm'), '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } }).trim();
    const utc = hash('UTC');
    expect(utc).toMatch(/^[0-9a-f]{64}$/);
    expect(hash('Asia/Ho_Chi_Minh')).toBe(utc);
    expect(hash('America/New_York')).toBe(utc);
  }, 60_000);
});
