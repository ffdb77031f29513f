/**
 * Writes XLSX workbooks for the importer's tests and benchmark, by hand (OOXML parts zipped with
 * fflate), so a test controls every byte: shared strings that straddle a read-chunk boundary, formulas
 * without a cached value, date-styled cells, and zip containers whose headers lie.
 */
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { Zip, ZipDeflate, strToU8, zipSync } from "fflate";

/** A cell: a number, a string (stored as a shared string), empty, or one of the special kinds. */
export type XlsxCell =
  | number
  | string
  | null
  | { formula: string; cached?: number | string }
  | { date: Date }
  | { error: string }
  | { inline: string }
  | { number: string };

export interface XlsxOptions {
  /** Rows above the table (a title, as some published sheets have). */
  titleRows?: string[];
  /** Sheets before the table's sheet (e.g. an empty cover sheet). */
  sheetsBefore?: XlsxCell[][][];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's serial day number (1900 system) of a UTC date. */
function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(v: XlsxCell, ref: string, sst: SharedStrings): string {
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}" t="s"><v>${sst.id(v)}</v></c>`;
  if ("formula" in v) {
    const cached = v.cached === undefined ? "" : `<v>${esc(String(v.cached))}</v>`;
    return `<c r="${ref}"${typeof v.cached === "string" ? ' t="str"' : ""}><f>${esc(v.formula)}</f>${cached}</c>`;
  }
  if ("date" in v) return `<c r="${ref}" s="1"><v>${serial(v.date)}</v></c>`;
  if ("error" in v) return `<c r="${ref}" t="e"><v>${esc(v.error)}</v></c>`;
  if ("number" in v) return `<c r="${ref}"><v>${esc(v.number)}</v></c>`; // a number cell's text as given (0x1F)
  return `<c r="${ref}" t="inlineStr"><is><t>${esc(v.inline)}</t></is></c>`;
}

/** The worksheet XML, in pieces of about `rowsPerPiece` rows (the benchmark's sheets are too big for one string). */
function* sheetXml(rows: readonly (readonly XlsxCell[])[], sst: SharedStrings, rowsPerPiece = 2000): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  let piece: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    piece.push(`<row r="${r + 1}">${rows[r]!.map((v, c) => cellXml(v, `${colName(c)}${r + 1}`, sst)).join("")}</row>`);
    if (piece.length >= rowsPerPiece) {
      yield piece.join("");
      piece = [];
    }
  }
  yield piece.join("");
  yield `</sheetData></worksheet>`;
}

const CONTENT_TYPES = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
// Sheets are named in the workbook in order, but their files deliberately in reverse: the reader must follow the relationships.
const WORKBOOK = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
const WORKBOOK_RELS = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${sheets - i}.xml"/>`).join("")}<Relationship Id="rId${sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${sheets + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** The workbook's parts, the sheets' XML as pieces; the table's sheet comes after opts.sheetsBefore. */
function parts(
  table: readonly (readonly XlsxCell[])[],
  opts: XlsxOptions,
): { name: string; pieces: Iterable<string> }[] {
  const sst = new SharedStrings();
  const sheets = [...(opts.sheetsBefore ?? []), [...(opts.titleRows ?? []).map((t) => [t]), ...table]];
  const n = sheets.length;
  // sheet i of the workbook is the file sheet{n - i}.xml (see WORKBOOK_RELS); shared strings are written last, as Excel does.
  const sheetParts = sheets.map((rows, i) => ({
    name: `xl/worksheets/sheet${n - i}.xml`,
    pieces: sheetXml(rows, sst),
  }));
  return [
    { name: "[Content_Types].xml", pieces: [CONTENT_TYPES(n)] },
    { name: "_rels/.rels", pieces: [ROOT_RELS] },
    { name: "xl/workbook.xml", pieces: [WORKBOOK(n)] },
    { name: "xl/_rels/workbook.xml.rels", pieces: [WORKBOOK_RELS(n)] },
    { name: "xl/styles.xml", pieces: [STYLES] },
    ...sheetParts,
    { name: "xl/sharedStrings.xml", pieces: { [Symbol.iterator]: () => [sst.xml()][Symbol.iterator]() } },
  ];
}

/** Writes a workbook in memory (zip headers carry the real sizes: tests patch them). */
export function xlsxBytes(table: readonly (readonly XlsxCell[])[], opts: XlsxOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const p of parts(table, opts)) files[p.name] = strToU8([...p.pieces].join(""));
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2024, 0, 1)) });
}

export function writeXlsx(file: string, table: readonly (readonly XlsxCell[])[], opts: XlsxOptions = {}): void {
  writeFileSync(file, xlsxBytes(table, opts));
}

/** Writes a workbook streaming (sheet XML never held whole): for the benchmark's large sheets. */
export function writeXlsxStreaming(
  file: string,
  table: readonly (readonly XlsxCell[])[],
  opts: XlsxOptions = {},
): void {
  const fd = openSync(file, "w");
  try {
    let failed: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failed = err;
      else writeSync(fd, chunk);
    });
    for (const p of parts(table, opts)) {
      const entry = new ZipDeflate(p.name, { level: 1 });
      zip.add(entry);
      for (const piece of p.pieces) entry.push(strToU8(piece));
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
    if (failed) throw failed;
  } finally {
    closeSync(fd);
  }
}
