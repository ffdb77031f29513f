/**
 * A streaming XML tokenizer over raw UTF-8 bytes, for the parts of an XLSX workbook. Markup is ASCII
 * and never occurs inside a multi-byte character, so tags are found on bytes, and text is decoded
 * only when a handler asks for it, from a complete run of bytes: a character can never be cut at a
 * read-chunk boundary (the defect of exceljs's reader). It reads the XML that spreadsheet writers
 * produce: elements with any namespace prefix, attributes in either quote, the predefined and
 * numeric entities, CDATA, comments and processing instructions; a DOCTYPE is skipped (its entities
 * are never expanded). It does not check well-formedness beyond what it needs to find tokens.
 */
export interface XmlHandler {
  /** An element opened; `s` answers attribute questions during the call. `selfClosing` is `<x/>`. */
  open(name: number, s: XmlScanner, selfClosing: boolean): void;
  close(name: number): void;
  /** Character data between tags, bytes [start, end) of `buf`; `raw` for CDATA (no entities). */
  text?(buf: Buffer, start: number, end: number, raw: boolean): void;
  /** The tokens from `mark` on are read again: forget what was built from them. */
  rewind?(): void;
}

export class XmlError extends Error {}

/** A number naming an element's local name (prefix stripped): its length and first five bytes. */
export function nameCode(local: string): number {
  let k = 0;
  for (let i = 0; i < 5; i++) k = k * 256 + (i < local.length ? local.charCodeAt(i) : 0);
  return local.length * 2 ** 40 + k;
}

function codeOf(buf: Buffer, s: number, e: number): number {
  let k = 0;
  for (let i = 0; i < 5; i++) k = k * 256 + (s + i < e ? buf[s + i]! : 0);
  return (e - s) * 2 ** 40 + k;
}

/** Attributes noted per tag; a tag with more is searched by parsing it again. */
const MAX_ATTRS = 16;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class XmlScanner {
  /** Set by a handler to a tag's start to have the caller keep the bytes from there (see consume). */
  mark = -1;
  /** The current tag's bytes, for attribute lookups during open(). */
  buf: Buffer = Buffer.alloc(0);
  private attrsStart = 0;
  private attrsEnd = 0;
  /** Where the current tag starts (for handlers that set `mark`). */
  tagStart = 0;
  private attrCount = 0;
  /** Start/end of each attribute's qualified name and value, noted while the tag is scanned. */
  private readonly attrNames = new Int32Array(2 * MAX_ATTRS);
  private readonly attrValues = new Int32Array(2 * MAX_ATTRS);
  /** The value of the last attribute found by `find`. */
  valueStart = 0;
  valueEnd = 0;

  constructor(private readonly handler: XmlHandler) {}

  /**
   * Handles the complete tokens in buf[pos, n) and returns where the caller must resume: the start of
   * an incomplete token, or `mark` when a handler set one (it then re-reads from there next time).
   * With `final`, an incomplete token is an error.
   */
  consume(buf: Buffer, pos: number, n: number, final: boolean): number {
    this.buf = buf;
    const h = this.handler;
    if (this.mark >= 0) {
      // the caller resumes at the mark we returned last time
      this.mark = -1;
      h.rewind?.();
    }
    let i = pos;
    while (i < n) {
      if (buf[i] !== 60) {
        // text up to the next '<'
        const lt = buf.indexOf(60, i);
        if (lt < 0 || lt >= n) {
          if (!final) return this.resume(i);
          if (h.text) h.text(buf, i, n, false);
          i = n;
          break;
        }
        if (h.text) h.text(buf, i, lt, false);
        i = lt;
        continue;
      }
      const c1 = buf[i + 1];
      if (c1 === undefined || i + 1 >= n) return this.resume(i, final);
      if (c1 === 33) {
        // <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE …>
        if (buf[i + 2] === 45 && buf[i + 3] === 45) {
          const end = buf.indexOf("-->", i + 4);
          if (end < 0 || end + 3 > n) return this.resume(i, final);
          i = end + 3;
        } else if (buf.toString("latin1", i + 2, Math.min(n, i + 9)) === "[CDATA[") {
          const end = buf.indexOf("]]>", i + 9);
          if (end < 0 || end + 3 > n) return this.resume(i, final);
          if (h.text) h.text(buf, i + 9, end, true);
          i = end + 3;
        } else {
          const bracket = buf.indexOf(91, i);
          const close = buf.indexOf(62, i);
          const internal = bracket >= 0 && bracket < n && (close < 0 || bracket < close);
          const end = internal ? buf.indexOf("]>", bracket) : close;
          if (end < 0 || end >= n) return this.resume(i, final);
          i = end + (internal ? 2 : 1);
        }
        continue;
      }
      if (c1 === 63) {
        const end = buf.indexOf("?>", i + 2);
        if (end < 0 || end + 2 > n) return this.resume(i, final);
        i = end + 2;
        continue;
      }
      // a start or end tag: find its '>' outside quoted attribute values, noting the attributes on the way
      let j = i + 1;
      let quote = 0;
      let na = 0;
      let word = j;
      let eq = -1;
      const an = this.attrNames;
      const av = this.attrValues;
      for (; j < n; j++) {
        const c = buf[j]!;
        if (quote) {
          if (c === quote) {
            quote = 0;
            if (na < MAX_ATTRS) av[2 * na + 1] = j;
            na++;
            word = j + 1;
          }
        } else if (c === 62) break;
        else if (c === 34 || c === 39) {
          quote = c;
          if (na < MAX_ATTRS) {
            // name: from the word start to '=' (spaces around '=' leave it empty: find() then parses slowly)
            an[2 * na] = word;
            an[2 * na + 1] = eq >= word ? eq : word;
            av[2 * na] = j + 1;
          }
        } else if (c === 61) eq = j;
        else if (c === 32 || c === 10 || c === 13 || c === 9) word = j + 1;
      }
      this.attrCount = na;
      if (j >= n) return this.resume(i, final);
      if (c1 === 47) {
        let s = i + 2;
        let e = s;
        while (e < j && !isSpace(buf[e]!)) e++;
        for (let k = e - 1; k >= s; k--)
          if (buf[k] === 58) {
            s = k + 1;
            break;
          }
        h.close(codeOf(buf, s, e));
      } else {
        let s = i + 1;
        let e = s;
        while (e < j && !isSpace(buf[e]!) && buf[e] !== 47) e++;
        const nameEnd = e;
        for (let k = e - 1; k >= s; k--)
          if (buf[k] === 58) {
            s = k + 1;
            break;
          }
        const selfClosing = buf[j - 1] === 47;
        this.tagStart = i;
        this.attrsStart = nameEnd;
        this.attrsEnd = selfClosing ? j - 1 : j;
        const code = codeOf(buf, s, e);
        h.open(code, this, selfClosing);
        if (selfClosing) h.close(code);
      }
      i = j + 1;
    }
    return this.resume(i);
  }

  private resume(at: number, final = false): number {
    if (final) throw new XmlError("the XML ends inside a tag");
    return this.mark >= 0 && this.mark < at ? this.mark : at;
  }

  /**
   * Finds an attribute of the current tag by local name (any prefix): sets valueStart/valueEnd and
   * returns true when present.
   */
  find(local: string): boolean {
    const b = this.buf;
    if (this.attrCount <= MAX_ATTRS) {
      const an = this.attrNames;
      let quick = true;
      for (let a = 0; a < this.attrCount; a++) {
        const ns = an[2 * a]!;
        const ne = an[2 * a + 1]!;
        if (ns === ne) {
          quick = false;
          break;
        }
        let ls = ns;
        for (let k = ne - 1; k >= ns; k--)
          if (b[k] === 58) {
            ls = k + 1;
            break;
          }
        if (ne - ls !== local.length) continue;
        let same = true;
        for (let k = 0; k < local.length; k++)
          if (b[ls + k] !== local.charCodeAt(k)) {
            same = false;
            break;
          }
        if (same) {
          this.valueStart = this.attrValues[2 * a]!;
          this.valueEnd = this.attrValues[2 * a + 1]!;
          return true;
        }
      }
      if (quick) return false;
    }
    let i = this.attrsStart;
    const end = this.attrsEnd;
    while (i < end) {
      while (i < end && isSpace(b[i]!)) i++;
      const ns = i;
      while (i < end && b[i] !== 61 && !isSpace(b[i]!)) i++;
      const ne = i;
      while (i < end && b[i] !== 34 && b[i] !== 39) i++;
      const q = b[i];
      const vs = i + 1;
      const ve = b.indexOf(q!, vs);
      if (ve < 0 || ve > end) return false;
      i = ve + 1;
      let ls = ns;
      for (let k = ne - 1; k >= ns; k--)
        if (b[k] === 58) {
          ls = k + 1;
          break;
        }
      if (ne - ls === local.length) {
        let same = true;
        for (let k = 0; k < local.length; k++)
          if (b[ls + k] !== local.charCodeAt(k)) {
            same = false;
            break;
          }
        if (same) {
          this.valueStart = vs;
          this.valueEnd = ve;
          return true;
        }
      }
    }
    return false;
  }

  /** An attribute's value as text (entities decoded), or undefined. */
  attr(local: string): string | undefined {
    return this.find(local) ? decodeText(this.buf, this.valueStart, this.valueEnd) : undefined;
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** UTF-8 text with XML entities decoded (an unknown entity is kept as written). */
export function decodeText(buf: Buffer, start: number, end: number): string {
  const s = buf.toString("utf8", start, end);
  // Look for '&' only within the range: Buffer.indexOf would scan the rest of the buffer every time.
  let amp = false;
  for (let i = start; i < end; i++) {
    if (buf[i] === 38) {
      amp = true;
      break;
    }
  }
  if (!amp) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, name: string) => {
    if (name[0] !== "#") return ENTITIES[name] ?? all;
    const cp = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}
