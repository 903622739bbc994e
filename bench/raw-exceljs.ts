// The reference: exceljs's streaming reader merely iterating a workbook's rows (default options).
import ExcelJS from 'exceljs';

const file = process.argv[2]!;
let rows = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
for await (const sheet of reader) for await (const row of sheet) if (row) rows++;
process.stderr.write(`rows=${rows}\n`);
