import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { ArrayRow, ByteRow, type Row } from "./row";

export type TextEncoding = "utf-8" | "utf-8 (BOM)" | "cp949";

/**
 * The encoding of a CSV file from its first chunk: a UTF-8 BOM, else UTF-8 when the chunk is valid
 * UTF-8 (a multi-byte character cut at the chunk's end is allowed), else CP949/EUC-KR (what Excel in
 * Korean Windows writes). Returns an error for UTF-16 and binary data.
 */
export function detectEncoding(first: Buffer): TextEncoding | { error: string } {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return "utf-8 (BOM)";
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) {
    return { error: "is UTF-16 text; save it as CSV (UTF-8) or CSV (CP949)" };
  }
  if (first.subarray(0, 8192).includes(0)) return { error: "is neither CSV nor XLSX (binary data)" };
  // The first line holding non-ASCII bytes (the Korean header, in practice) decides: a file whose later
  // lines switch encoding is then caught line by line (see firstNonUtf8Line), not decoded wrongly whole.
  let p = 0;
  while (p < first.length) {
    let nl = first.indexOf(10, p);
    if (nl < 0) nl = first.length;
    let high = false;
    for (let i = p; i < nl; i++)
      if (first[i]! >= 0x80) {
        high = true;
        break;
      }
    if (high) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(first.subarray(p, nl), { stream: nl === first.length });
        return "utf-8";
      } catch {
        return "cp949";
      }
    }
    p = nl + 1;
  }
  return "utf-8";
}

/** The line ends of a file from its first block: LF (with or without CR) or, from old Macs, CR alone. */
export function detectLineEnd(first: Buffer): 10 | 13 {
  return first.indexOf(10) < 0 && first.indexOf(13) >= 0 ? 13 : 10;
}

/**
 * For a UTF-8 file: the line (counted from `line` at `start`) of the first invalid UTF-8 in
 * buf[start, end), which must end at a line end; undefined when it is all valid.
 */
export function firstNonUtf8Line(
  buf: Buffer,
  start: number,
  end: number,
  line: number,
  eol: number,
): number | undefined {
  if (isUtf8(buf.subarray(start, end))) return undefined;
  for (let p = start; p < end; line++) {
    let e = buf.indexOf(eol, p);
    if (e < 0 || e > end) e = end;
    if (!isUtf8(buf.subarray(p, e))) return line;
    p = e + 1;
  }
  return line;
}

/** Decodes a byte range of the file (one field or one quoted record). */
export function rangeDecoder(enc: TextEncoding): (buf: Buffer, start: number, end: number) => string {
  if (enc === "cp949") return (buf, start, end) => iconv.decode(buf.subarray(start, end), "cp949");
  return (buf, start, end) => buf.toString("utf8", start, end);
}

/**
 * A streaming CSV (RFC 4180) reader over raw bytes. Commas, quotes and line breaks are ASCII and never
 * occur inside a multi-byte UTF-8 or CP949 character, so records are split on bytes and only the
 * fields the importer reads are decoded (see ByteRow). A record holding a quote is decoded whole and
 * parsed as text (fields may contain commas, doubled quotes and line breaks). `line` is the physical
 * line a record starts on. Holds at most a chunk plus one record.
 */
export class CsvReader {
  /** The physical line the next record starts on. */
  line = 1;
  /** Where the quote of an incomplete quoted record opened (the caller reports it if the record never ends). */
  openQuote: { line: number; column: number } | undefined;
  private readonly row: ByteRow;

  constructor(
    private readonly decode: (buf: Buffer, start: number, end: number) => string,
    private readonly onRow: (row: Row, line: number) => void,
    private readonly onProblem: (line: number, column: number, message: string) => void = () => undefined,
    /** 10 (LF, CR LF) or 13 (CR alone). */
    private readonly eol: number = 10,
  ) {
    this.row = new ByteRow(decode);
  }

  /**
   * Emits the complete records in buf[pos, n); returns where the incomplete last record starts (the
   * caller keeps those bytes and appends more). With `final`, everything is consumed.
   */
  consume(buf: Buffer, pos: number, n: number, final: boolean): number {
    const row = this.row;
    row.buf = buf;
    while (pos < n) {
      let starts = row.starts;
      let ends = row.ends;
      let nf = 0;
      let s = pos;
      let i = pos;
      let quoted = false;
      for (; i < n; i++) {
        const c = buf[i]!;
        if (c > 44) continue; // digits, '.', '-', letters, multi-byte characters
        if (c === 44) {
          if (nf === starts.length) {
            row.starts = starts = grow(starts);
            row.ends = ends = grow(ends);
          }
          starts[nf] = s;
          ends[nf++] = i;
          s = i + 1;
        } else if (c === this.eol) break;
        else if (c === 34) {
          quoted = true;
          break;
        }
      }
      if (quoted) {
        const r = this.quotedRecord(buf, pos, n, final);
        if (r === null) return pos;
        pos = r;
        continue;
      }
      if (i >= n && !final) return pos;
      let e = i;
      if (e > s && buf[e - 1] === 13 && this.eol === 10) e--;
      if (nf === starts.length) {
        row.starts = starts = grow(starts);
        row.ends = ends = grow(ends);
      }
      starts[nf] = s;
      ends[nf++] = e;
      row.length = nf;
      this.onRow(row, this.line);
      this.line++;
      pos = i + 1;
    }
    return pos;
  }

  /** A record with quotes: finds its end (line breaks inside quotes belong to it), parses it as text. */
  private quotedRecord(buf: Buffer, pos: number, n: number, final: boolean): number | null {
    let inQuotes = false;
    let breaks = 0;
    let commas = 0;
    let openLine = 0;
    let openColumn = 0;
    const eol = this.eol;
    let j = pos;
    for (; j < n; j++) {
      const c = buf[j]!;
      if (c === 34) {
        inQuotes = !inQuotes;
        if (inQuotes) {
          openLine = breaks;
          openColumn = commas + 1;
        }
      } else if (c === 44 && !inQuotes) commas++;
      else if (c === eol) {
        if (!inQuotes) break;
        breaks++;
      }
    }
    if (j >= n && !final) {
      this.openQuote = inQuotes ? { line: this.line + openLine, column: openColumn } : undefined;
      return null;
    }
    this.openQuote = undefined;
    if (inQuotes) {
      // The quote never closes: the rest of the file would be one field. Say where it opened.
      this.onProblem(
        this.line + openLine,
        openColumn,
        `a quote opened here is never closed (the ${breaks - openLine + 1} lines to the end of the file would be one field)`,
      );
      this.line += breaks + 1;
      return n;
    }
    const text = this.decode(buf, pos, j);
    const r = parseQuoted(eol === 13 ? text.replaceAll("\r", "\n") : text, 0, true)!;
    this.onRow(new ArrayRow(r.fields), this.line);
    this.line += breaks + 1;
    return j + 1;
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Parses one CSV record held in a string (for tests and quoted records). */
export function parseCsvRecord(text: string): string[] {
  return parseQuoted(text, 0, true)!.fields;
}

/** Parses one record with quotes from `start`; null when it runs past the text and more may come. */
function parseQuoted(
  text: string,
  start: number,
  final: boolean,
): { fields: string[]; next: number; lines: number } | null {
  const fields: string[] = [];
  let field = "";
  let i = start;
  let lines = 1;
  const n = text.length;
  for (;;) {
    if (i < n && text.charCodeAt(i) === 34) {
      // quoted field
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          if (!final) return null;
          field += text.slice(i);
          i = n;
          break;
        }
        const chunk = text.slice(i, q);
        for (let k = chunk.indexOf("\n"); k >= 0; k = chunk.indexOf("\n", k + 1)) lines++;
        field += chunk;
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return null;
        i = q + 1;
        break;
      }
    }
    // unquoted part (or the rest after a closing quote) up to a comma or line end
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 44 || c === 10) break;
      j++;
    }
    if (j >= n && !final) return null;
    let piece = text.slice(i, j);
    if (j < n && text.charCodeAt(j) === 10 && piece.endsWith("\r")) piece = piece.slice(0, -1);
    else if (j >= n && piece.endsWith("\r")) piece = piece.slice(0, -1);
    field += piece;
    fields.push(field);
    field = "";
    if (j >= n) return { fields, next: n, lines };
    if (text.charCodeAt(j) === 10) return { fields, next: j + 1, lines };
    i = j + 1; // comma
  }
}
