/**
 * CSV for downloads: UTF-8 with a BOM so Excel opens the Korean text, numbers written as numbers
 * (negative indices included), and text cells that a spreadsheet would run as a formula neutralised.
 */
export type CsvCell = string | number | null;

const BOM = "\uFEFF";
/** Leading characters that make Excel, LibreOffice or Sheets treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  // A leading apostrophe is the spreadsheet convention for "this is text", shown but not evaluated.
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
