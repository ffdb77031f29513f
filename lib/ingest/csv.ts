import iconv from "iconv-lite";

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
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(first, { stream: true });
    return "utf-8";
  } catch {
    return "cp949";
  }
}

export function textDecoder(enc: TextEncoding): { write(b: Buffer): string; end(): string | undefined } {
  return iconv.getDecoder(enc === "cp949" ? "cp949" : "utf8", { stripBOM: true });
}

/**
 * A streaming CSV (RFC 4180) parser fed decoded text chunks. Lines without a quote take a fast
 * split; quoted fields may hold commas, doubled quotes and line breaks. `line` is the physical line
 * a record starts on. Never holds more than a chunk plus one record.
 */
export class CsvParser {
  private rest = "";
  private line = 1;

  constructor(private readonly onRecord: (fields: string[], line: number) => void) {}

  write(chunk: string): void {
    const text = this.rest.length ? this.rest + chunk : chunk;
    this.rest = "";
    const end = this.consume(text, false);
    if (end < text.length) this.rest = text.slice(end);
  }

  end(): void {
    const text = this.rest;
    this.rest = "";
    if (text.length) this.consume(text, true);
  }

  /** Emits the complete records in `text`; returns where the incomplete tail starts. */
  private consume(text: string, final: boolean): number {
    let pos = 0;
    const n = text.length;
    let q = text.indexOf('"');
    while (pos < n) {
      let nl = text.indexOf("\n", pos);
      if (nl < 0) {
        if (!final) return pos;
        nl = n;
      }
      if (q >= 0 && q < pos) q = text.indexOf('"', pos);
      if (q < 0 || q > nl) {
        const stop = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        this.onRecord(text.slice(pos, stop).split(","), this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const r = parseQuoted(text, pos, final);
      if (!r) return pos;
      this.onRecord(r.fields, this.line);
      this.line += r.lines;
      pos = r.next;
    }
    return pos;
  }
}

/** Parses one record with quotes from `start`; null when it runs past the text and more may come. */
function parseQuoted(text: string, start: number, final: boolean): { fields: string[]; next: number; lines: number } | null {
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
