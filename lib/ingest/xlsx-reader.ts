import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import type { Progress } from "./read";
import type { FileStats } from "./row-handler";
import { numberFromBytes, type Row } from "./row";
import { TableSink, type ImportTarget } from "./table";
import { isDecimalText, parseNumber, type Cell } from "./values";
import { decodeText, nameCode, XmlScanner, XmlError, type XmlHandler } from "./xml-scanner";
import { LIMITS, ZipArchive, ZipError } from "./zip";

/**
 * Reads an XLSX workbook: its parts are found through the ZIP central directory and inflated as
 * streams (see zip.ts), the sheet XML tokenized on bytes (see xml-scanner.ts) with cells decoded only
 * when the importer reads them. Nothing is written to disk. The first worksheet (in workbook order)
 * with a header row is the table; later sheets are not read.
 */
export async function readXlsx(
  file: string,
  fileMonth: string | undefined,
  target: ImportTarget,
  stats: FileStats,
  progress?: Progress,
): Promise<void> {
  const { problems } = target;
  stats.format = "xlsx";
  const hashing = sha256File(file);
  let zip: ZipArchive | undefined;
  try {
    zip = new ZipArchive(file);
    const book = await readWorkbook(zip);
    const dateStyles = book.styles ? await readDateStyles(zip, book.styles) : new Uint8Array(0);
    const strings = book.sharedStrings ? await readSharedStrings(zip, book.sharedStrings) : [];
    let found = false;
    for (const sheet of book.sheets) {
      const sink = new TableSink(file, 1, false, fileMonth, target, stats);
      const size = zip.entries.get(sheet)?.size ?? 0;
      let done = 0;
      await readSheet(
        zip,
        sheet,
        new SheetRow(strings, dateStyles, book.date1904),
        (row, line) => {
          sink.row(row, line);
          if ((line & 1023) === 0) progress?.(file, done, size, stats.rowsRead);
        },
        (n) => (done = n),
        () => sink.stopped,
      );
      if (sink.end()) {
        found = true;
        if (sink.hasHeader || sink.stopped) break;
      }
      progress?.(file, size, size, stats.rowsRead);
    }
    if (!found) problems.add({ file }, "is empty (no rows in any worksheet)");
  } catch (e) {
    if (!(e instanceof ZipError || e instanceof XmlError || e instanceof SheetError)) throw e;
    problems.add({ file }, `is neither CSV nor a readable XLSX workbook: ${e.message}`);
  } finally {
    zip?.close();
    stats.sha256 = await hashing;
  }
}

class SheetError extends Error {}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on("data", (d) => h.update(d))
      .on("error", reject)
      .on("end", () => resolve(h.digest("hex")));
  });
}

/** Reads a small part whole and tokenizes it. */
async function scanPart(zip: ZipArchive, name: string, handler: XmlHandler): Promise<void> {
  const bytes = Buffer.from(await zip.text(name), "utf8");
  new XmlScanner(handler).consume(bytes, 0, bytes.length, true);
}

interface Workbook {
  /** Worksheet parts in workbook order. */
  sheets: string[];
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
}

const REL = nameCode("Relationship");
const SHEET = nameCode("sheet");
const WORKBOOK_PR = nameCode("workbookPr");

/** A relationship target, relative to the part that names it, as a ZIP entry name. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

async function relationships(zip: ZipArchive, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const relsName = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  if (!zip.entries.has(relsName)) return [];
  const rels: { id: string; type: string; target: string }[] = [];
  await scanPart(zip, relsName, {
    open(name, s) {
      if (name === REL)
        rels.push({
          id: s.attr("Id") ?? "",
          type: s.attr("Type") ?? "",
          target: resolveTarget(part, s.attr("Target") ?? ""),
        });
    },
    close() {},
  });
  return rels;
}

async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  const root = await relationships(zip, "");
  const main = root.find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  if (!zip.entries.has(main)) throw new ZipError("no workbook part (a ZIP archive, but not an XLSX workbook)");
  const rels = await relationships(zip, main);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: string[] = [];
  let date1904 = false;
  await scanPart(zip, main, {
    open(name, s) {
      if (name === SHEET) {
        const rel = byId.get(s.attr("id") ?? "");
        if (rel && rel.type.endsWith("/worksheet") && zip.entries.has(rel.target)) sheets.push(rel.target);
      } else if (name === WORKBOOK_PR) {
        const v = s.attr("date1904");
        date1904 = v === "1" || v === "true";
      }
    },
    close() {},
  });
  const part = (type: string) => rels.find((r) => r.type.endsWith(type) && zip.entries.has(r.target))?.target;
  return { sheets, sharedStrings: part("/sharedStrings"), styles: part("/styles"), date1904 };
}

const NUM_FMT = nameCode("numFmt");
const CELL_XFS = nameCode("cellXfs");
const XF = nameCode("xf");

/** Excel's built-in date and time formats. */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom number format shows a date when, outside quotes, escapes and [colour] brackets, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare);
}

/** Per cell style (the `s` attribute): 1 when it formats numbers as dates. */
async function readDateStyles(zip: ZipArchive, part: string): Promise<Uint8Array> {
  const custom = new Map<number, boolean>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await scanPart(zip, part, {
    open(name, s) {
      if (name === NUM_FMT) custom.set(Number(s.attr("numFmtId")), isDateFormat(s.attr("formatCode") ?? ""));
      else if (name === CELL_XFS) inCellXfs = true;
      else if (name === XF && inCellXfs) xfs.push(Number(s.attr("numFmtId") ?? 0));
    },
    close(name) {
      if (name === CELL_XFS) inCellXfs = false;
    },
  });
  return Uint8Array.from(xfs, (id) => ((custom.get(id) ?? isBuiltinDate(id)) ? 1 : 0));
}

const SI = nameCode("si");
const T = nameCode("t");
const RPH = nameCode("rPh");
const SST = nameCode("sst");

/** The shared strings: each item's text runs joined, phonetic (rPh) runs left out. */
async function readSharedStrings(zip: ZipArchive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] = [];
  let inT = false;
  let inRph = false;
  let ended = false;
  const scanner = new XmlScanner({
    open(name, _s, selfClosing) {
      if (name === SI) current = [];
      else if (name === T && !selfClosing) inT = true;
      else if (name === RPH) inRph = true;
    },
    close(name) {
      if (name === SI) strings.push(current.length === 1 ? current[0]! : current.join(""));
      else if (name === SST) ended = true;
      else if (name === T) inT = false;
      else if (name === RPH) inRph = false;
    },
    text(buf, start, end, raw) {
      if (inT && !inRph) current.push(raw ? buf.toString("utf8", start, end) : decodeText(buf, start, end));
    },
  });
  await streamPart(zip, part, scanner, LIMITS.sharedStrings);
  if (!ended) throw new SheetError(`${part} ends before </sst> (cut short)`);
  return strings;
}

/** Feeds an entry's bytes to a scanner, keeping the incomplete tail of each piece for the next. */
async function streamPart(
  zip: ZipArchive,
  part: string,
  scanner: XmlScanner,
  limit?: number,
  onProgress?: (bytes: number) => void,
  stop?: () => boolean,
): Promise<void> {
  let buf = Buffer.allocUnsafe(1 << 20);
  let filled = 0;
  let total = 0;
  await zip.read(
    part,
    (chunk) => {
      if (stop?.()) return;
      total += chunk.length;
      if (filled + chunk.length > buf.length) {
        // One token (a row of the sheet) longer than the buffer: grow it, within reason.
        if (filled + chunk.length > MAX_PENDING)
          throw new SheetError(`${part}: one row or text run is longer than ${MAX_PENDING >> 20} MB`);
        const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, filled + chunk.length));
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      chunk.copy(buf, filled);
      filled += chunk.length;
      const used = scanner.consume(buf, 0, filled, false);
      buf.copyWithin(0, used, filled);
      filled -= used;
      onProgress?.(total);
    },
    limit,
  );
  if (!stop?.()) scanner.consume(buf, 0, filled, true);
}

const MAX_PENDING = 64 << 20;

const ROW = nameCode("row");
const C = nameCode("c");
const V = nameCode("v");
const F = nameCode("f");
const IS = nameCode("is");
const SHEET_DATA = nameCode("sheetData");

/** Cell kinds as stored in SheetRow.kinds. */
const EMPTY = 0;
const NUMBER = 1;
const SHARED = 2;
const TEXT = 3;
const INLINE = 4;
const BOOL = 5;
const ERROR = 6;
const ISO_DATE = 7;
const NO_CACHED_VALUE = 8;

/** Excel's column limit (XFD). */
const MAX_COLUMNS = 16384;

function columnName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One sheet row as byte ranges of the buffer it was read from; valid only during the callback. Index
 * = column number (A = 1), as TableSink expects for XLSX (base 1).
 */
class SheetRow implements Row {
  buf: Buffer = Buffer.alloc(0);
  length = 0;
  line = 0;
  kinds = new Uint8Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  styles = new Int32Array(256);
  formulaStarts = new Int32Array(256);
  formulaEnds = new Int32Array(256);
  inline: string[] = [];
  private readonly dateBase: number;

  constructor(
    private readonly strings: readonly string[],
    private readonly dateStyles: Uint8Array,
    date1904: boolean,
  ) {
    // Serial day 25569 is 1970-01-01 in the 1900 system; the 1904 system counts from 1904-01-01.
    this.dateBase = date1904 ? 24107 : 25569;
  }

  ensure(col: number): void {
    if (col < this.kinds.length) return;
    if (col > MAX_COLUMNS) throw new SheetError(`a cell beyond column ${columnName(MAX_COLUMNS)}`);
    const n = Math.min(MAX_COLUMNS + 1, Math.max(col + 1, this.kinds.length * 2));
    const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T) => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.kinds = grow(this.kinds, (k) => new Uint8Array(k));
    this.starts = grow(this.starts, (k) => new Int32Array(k));
    this.ends = grow(this.ends, (k) => new Int32Array(k));
    this.styles = grow(this.styles, (k) => new Int32Array(k));
    this.formulaStarts = grow(this.formulaStarts, (k) => new Int32Array(k));
    this.formulaEnds = grow(this.formulaEnds, (k) => new Int32Array(k));
  }

  clear(): void {
    this.kinds.fill(EMPTY, 0, this.length);
    this.length = 0;
  }

  cell(i: number): Cell {
    if (i >= this.length) return undefined;
    const b = this.buf;
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    switch (this.kinds[i]) {
      case NUMBER: {
        const text = b.toString("latin1", s, e);
        // Number() also reads 0x1F, 0b1 and Infinity, which no spreadsheet writes as a number: such a
        // cell goes on as text and is refused as "not a decimal number".
        const v = isDecimalText(text) ? Number(text) : NaN;
        if (this.dateStyles[this.styles[i]!] && Number.isFinite(v))
          return new Date(Math.round((v - this.dateBase) * 86_400_000));
        return text.trim() === "" ? null : Number.isNaN(v) ? text : v;
      }
      case SHARED: {
        const k = Number(b.toString("latin1", s, e));
        const str = this.strings[k];
        if (str === undefined)
          throw new SheetError(
            `cell ${columnName(i)}${this.line} names shared string ${k}, but the workbook has ${this.strings.length}`,
          );
        return str;
      }
      case TEXT:
      case ERROR:
        return decodeText(b, s, e);
      case INLINE:
        return this.inline[i] ?? "";
      case BOOL:
        return b[s] === 49 ? "TRUE" : "FALSE";
      case ISO_DATE: {
        const text = b.toString("latin1", s, e).trim();
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
        return Number.isNaN(d.getTime()) ? text : d;
      }
      default:
        return null;
    }
  }

  key(i: number): unknown {
    return this.cell(i);
  }

  num(i: number): number | null {
    if (i >= this.length) return null;
    const kind = this.kinds[i];
    if (kind === NO_CACHED_VALUE) return NaN;
    // A plain number cell is read from its bytes, without a string (143 columns × 10,000 rows a month).
    if (kind === NUMBER && !this.dateStyles[this.styles[i]!])
      return numberFromBytes(this.buf, this.starts[i]!, this.ends[i]!);
    return parseNumber(this.cell(i));
  }

  problem(i: number): string | undefined {
    if (i >= this.length || this.kinds[i] !== NO_CACHED_VALUE) return undefined;
    const f = decodeText(this.buf, this.formulaStarts[i]!, this.formulaEnds[i]!);
    return `cell ${columnName(i)}${this.line} is a formula without a cached value (=${f.length > 40 ? `${f.slice(0, 37)}…` : f}); open the file in Excel and save it so the results are stored`;
  }
}

/** Streams one worksheet's rows to `onRow` (row number as the line). */
async function readSheet(
  zip: ZipArchive,
  part: string,
  row: SheetRow,
  onRow: (row: Row, line: number) => void,
  onProgress: (bytes: number) => void,
  stop: () => boolean,
): Promise<void> {
  let line = 0;
  let col = 0;
  let kind = EMPTY;
  let style = 0;
  let hasValue = false;
  let hasFormula = false;
  let inV = false;
  let inF = false;
  let inIs = false;
  let inT = false;
  let inRph = false;
  let inlineParts: string[] = [];
  let inRow = false;
  let ended = false;
  const scanner: XmlScanner = new XmlScanner({
    open(name, s, selfClosing) {
      if (name === C) {
        if (!inRow) return;
        col = s.find("r") ? columnOf(s.buf, s.valueStart, s.valueEnd) : col + 1;
        if (col <= 0) throw new SheetError(`row ${line}: a cell with reference "${s.attr("r")}"`);
        kind = NUMBER;
        if (s.find("t")) kind = typeOf(s.buf, s.valueStart, s.valueEnd);
        style = s.find("s") ? intOf(s.buf, s.valueStart, s.valueEnd) : 0;
        hasValue = false;
        hasFormula = false;
        inlineParts = [];
        row.ensure(col);
        row.formulaStarts[col] = row.formulaEnds[col] = 0;
        if (selfClosing) return;
      } else if (name === V) inV = !selfClosing;
      else if (name === F) {
        hasFormula = true;
        inF = !selfClosing;
      } else if (name === IS) inIs = !selfClosing;
      else if (name === T) inT = inIs && !selfClosing;
      else if (name === RPH) inRph = true;
      else if (name === ROW) {
        scanner.mark = s.tagStart; // a row cut by the end of a piece is read again whole from here
        line = s.find("r") ? intOf(s.buf, s.valueStart, s.valueEnd) : line + 1;
        col = 0;
        inRow = true;
        row.clear();
      }
    },
    close(name) {
      if (name === C) {
        if (!inRow) return;
        let k: number = kind;
        if (kind === INLINE) {
          row.inline[col] = inlineParts.join("");
          hasValue = true;
        }
        if (!hasValue) k = hasFormula ? NO_CACHED_VALUE : EMPTY;
        row.kinds[col] = k;
        row.styles[col] = style;
        if (col >= row.length) row.length = col + 1;
      } else if (name === V) inV = false;
      else if (name === F) inF = false;
      else if (name === IS) inIs = false;
      else if (name === T) inT = false;
      else if (name === RPH) inRph = false;
      else if (name === SHEET_DATA) ended = true;
      else if (name === ROW) {
        inRow = false;
        scanner.mark = -1;
        if (row.length === 0) return;
        row.buf = scanner.buf;
        row.line = line;
        onRow(row, line);
      }
    },
    text(buf, start, end) {
      if (inV) {
        hasValue = true;
        row.starts[col] = start;
        row.ends[col] = end;
      } else if (inF) {
        row.formulaStarts[col] = start;
        row.formulaEnds[col] = end;
      } else if (inT && !inRph) inlineParts.push(decodeText(buf, start, end));
    },
    rewind() {
      inRow = false;
      inV = inF = inIs = inT = inRph = false;
      row.clear();
    },
  });
  await streamPart(zip, part, scanner, undefined, onProgress, stop);
  // A sheet cut short inside a valid ZIP would otherwise lose its last rows without a word.
  if (!ended && !stop()) throw new SheetError(`${part} ends before </sheetData> (the sheet is cut short)`);
}

/** The column number of a cell reference like "AB12" (0 when it has no letters). */
function columnOf(b: Buffer, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]! | 32;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n;
}

function intOf(b: Buffer, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The `t` attribute: n (number, the default), s, str, inlineStr, b, e, d. */
function typeOf(b: Buffer, s: number, e: number): number {
  const c = b[s];
  if (e - s === 1) return c === 115 ? SHARED : c === 98 ? BOOL : c === 101 ? ERROR : c === 100 ? ISO_DATE : NUMBER;
  if (e - s === 3 && c === 115) return TEXT; // str
  if (e - s === 9 && c === 105) return INLINE; // inlineStr
  return NUMBER;
}
