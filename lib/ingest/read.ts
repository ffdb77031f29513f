import { closeSync, openSync, readSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { CsvReader, detectEncoding, detectLineEnd, firstNonUtf8Line, rangeDecoder } from "./csv-reader";
import { monthFromFileName } from "./month";
import type { FileStats } from "./row-handler";
import { TableSink, type ImportTarget } from "./table";
import { readXlsx } from "./xlsx-reader";

export type Progress = (file: string, bytesRead: number, bytesTotal: number, rows: number) => void;

/** Reads one input file (CSV or XLSX, told apart by content) into the store of 행정동 rows. */
export async function readInputFile(file: string, target: ImportTarget, progress?: Progress): Promise<FileStats> {
  const { problems } = target;
  const st = await stat(file).catch((e: NodeJS.ErrnoException) => e);
  const stats: FileStats = {
    file,
    format: "",
    bytes: 0,
    sha256: "",
    rowsRead: 0,
    rowsUsed: 0,
    skipped: {},
    months: new Set(),
    gives: [],
    ignored: [],
    unknownDongs: new Map(),
  };
  if (st instanceof Error) {
    problems.add({ file }, `cannot read (${st.code ?? st.message})`);
    return stats;
  }
  if (!st.isFile()) {
    problems.add({ file }, "is not a file");
    return stats;
  }
  stats.bytes = st.size;
  if (st.size === 0) {
    problems.add({ file }, "is empty");
    return stats;
  }
  try {
    const head = Buffer.alloc(Math.min(st.size, 8));
    const fh = await open(file, "r");
    try {
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
    const fileMonth = monthFromFileName(file);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      stats.format = "xlsx";
      await readXlsx(file, fileMonth, target, stats, progress);
    } else if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
      problems.add({ file }, "is an old Excel .xls workbook; save it as .xlsx or CSV");
    } else {
      await readCsv(file, fileMonth, target, stats, progress);
    }
  } catch (e) {
    // An OS error while reading (permissions, I/O): that file's problem, by name, not a stack trace.
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code !== "string") throw e;
    problems.add(
      { file },
      `cannot read (${err.code}: ${err.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "")})`,
    );
  }
  return stats;
}

/**
 * Reads a CSV file in 4 MB blocks into one reused buffer (synchronous reads: no idle time between
 * blocks, no garbage per block); the incomplete last record of a block moves to the front for the
 * next. The sha256 is computed on a worker thread, in parallel with parsing.
 */
async function readCsv(
  file: string,
  fileMonth: string | undefined,
  target: ImportTarget,
  stats: FileStats,
  progress?: Progress,
) {
  const { problems } = target;
  const hasher = new Hasher();
  const sink = new TableSink(file, 0, true, fileMonth, target, stats);
  let reader: CsvReader | undefined;
  let eol = 10;
  let utf8 = true;
  let buf = Buffer.allocUnsafe(BLOCK);
  let filled = 0;
  let start = 0;
  let read = 0;
  const fd = openSync(file, "r");
  try {
    for (;;) {
      if (filled === buf.length) {
        if (buf.length * 2 > MAX_RECORD) {
          // One record longer than any real one: almost always a quote that never closes.
          const q = reader?.openQuote;
          if (q)
            problems.add(
              { file, line: q.line, column: q.column },
              `a quote opened here is not closed within ${MAX_RECORD >> 20} MB`,
            );
          else problems.add({ file, line: reader?.line }, `a record longer than ${MAX_RECORD >> 20} MB`);
          return;
        }
        const bigger = Buffer.allocUnsafe(buf.length * 2); // one record longer than a block
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const got = readSync(fd, buf, filled, buf.length - filled, null);
      if (got > 0) hasher.update(buf, filled, got);
      filled += got;
      read += got;
      const final = got === 0;
      if (!reader) {
        if (!final && filled < 65536) continue; // detect the encoding on a decent sample
        const enc = detectEncoding(buf.subarray(0, filled));
        if (typeof enc !== "string") {
          problems.add({ file }, enc.error);
          return;
        }
        eol = detectLineEnd(buf.subarray(0, filled));
        utf8 = enc !== "cp949";
        stats.format = `csv, ${enc}${eol === 13 ? ", CR line ends" : ""}`;
        if (enc === "utf-8 (BOM)") start = 3;
        reader = new CsvReader(
          rangeDecoder(enc),
          (row, line) => sink.row(row, line),
          (line, column, message) => problems.add({ file, line, column }, message),
          eol,
        );
      }
      if (utf8 && !sink.stopped) {
        // Checked before the lines are parsed: a file switching to CP949 midway is named at its first such line.
        const cut = final ? filled : buf.lastIndexOf(eol, filled - 1) + 1;
        const bad = cut > start ? firstNonUtf8Line(buf, start, cut, reader.line, eol) : undefined;
        if (bad !== undefined) {
          problems.add(
            { file, line: bad },
            "is not UTF-8, while the lines before it are: the file mixes encodings (UTF-8 and probably CP949); save it again as CSV (UTF-8)",
          );
          return;
        }
      }
      const used = sink.stopped ? filled : reader.consume(buf, start, filled, final);
      if (hasher.backlog > 8) await hasher.caughtUp(2); // bounded memory when the worker is starved of CPU
      progress?.(file, read, stats.bytes, stats.rowsRead);
      if (final) break;
      buf.copyWithin(0, used, filled);
      filled -= used;
      start = 0;
    }
    if (!sink.end()) problems.add({ file }, "is empty (no rows)");
    stats.sha256 = await hasher.digest();
  } finally {
    closeSync(fd);
    hasher.close();
  }
}

const BLOCK = 4 << 20;
/** The longest record read (real ones are a few kB). */
const MAX_RECORD = 64 << 20;

/** sha256 on a worker thread: blocks are copied over (transferred), hashed there in order, each acknowledged. */
class Hasher {
  private readonly worker = new Worker(
    `const { parentPort } = require("node:worker_threads");
     const h = require("node:crypto").createHash("sha256");
     parentPort.on("message", (m) => {
       if (m === null) parentPort.postMessage(h.digest("hex"));
       else { h.update(m); parentPort.postMessage(1); }
     });`,
    { eval: true },
  );
  /** Blocks sent and not yet hashed. */
  backlog = 0;
  private digestWaiter: ((hex: string) => void) | undefined;
  private ackWaiter: { below: number; resolve: () => void } | undefined;

  constructor() {
    this.worker.on("message", (m: number | string) => {
      if (typeof m === "string") return this.digestWaiter?.(m);
      this.backlog--;
      if (this.ackWaiter && this.backlog <= this.ackWaiter.below) {
        const w = this.ackWaiter;
        this.ackWaiter = undefined;
        w.resolve();
      }
    });
  }

  update(buf: Buffer, offset: number, length: number): void {
    const copy = new Uint8Array(length);
    copy.set(buf.subarray(offset, offset + length));
    this.backlog++;
    this.worker.postMessage(copy, [copy.buffer]);
  }

  caughtUp(below: number): Promise<void> {
    if (this.backlog <= below) return Promise.resolve();
    return new Promise((resolve) => (this.ackWaiter = { below, resolve }));
  }

  async digest(): Promise<string> {
    const done = new Promise<string>((resolve, reject) => {
      this.digestWaiter = resolve;
      this.worker.once("error", reject);
    });
    this.worker.postMessage(null);
    return await done;
  }

  /** Stops the worker (idempotent); called however the read ends. */
  close(): void {
    void this.worker.terminate();
  }
}
