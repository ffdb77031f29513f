import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { DatasetError } from "./parse";

/**
 * Reading a dataset's files safely at start-up: each is opened without blocking (a FIFO would otherwise
 * hang the start until something wrote to it), must be a regular file, and its size is checked against
 * a stated bound before a byte is read, so a stray 2 GB file is refused instead of filling memory.
 */
export const SIZE_LIMITS = {
  /** meta.json and dongs.csv. */
  small: 1 << 20,
  /** district.csv and the legacy usage.csv: ~30 measures × 300 segments × 120 months fits in 40 MB. */
  table: 64 << 20,
  /** One dong/YYYY-MM.csv.br as stored (real months: ~0.5 MB). */
  compressed: 16 << 20,
  /** The same inflated (real months: 2–4 MB). */
  inflated: 64 << 20,
} as const;

const MiB = (n: number) => `${Math.round((n / (1 << 20)) * 10) / 10} MB`;

/** The bytes of dir/rel, or a DatasetError naming the file and the reason. */
export function readBounded(dir: string, rel: string, limit: number): Buffer {
  const file = path.join(dir, rel);
  let fd: number;
  try {
    fd = openSync(/* turbopackIgnore: true */ file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DatasetError([
      `${file}: ${code === "ENOENT" ? "missing" : `cannot open (${code ?? (e as Error).message})`}`,
    ]);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new DatasetError([
        `${file}: not a regular file (a folder, FIFO, socket or device); refused without reading`,
      ]);
    if (st.size > limit)
      throw new DatasetError([
        `${file}: ${st.size} bytes is over this file's bound of ${limit} bytes (${MiB(limit)}); refused without reading`,
      ]);
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** Inflates a brotli file's bytes, refusing more than SIZE_LIMITS.inflated. */
export function inflateBounded(file: string, bytes: Buffer): Buffer {
  try {
    return brotliDecompressSync(bytes, { maxOutputLength: SIZE_LIMITS.inflated });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === "ERR_BUFFER_TOO_LARGE"
        ? `inflates to more than ${MiB(SIZE_LIMITS.inflated)}`
        : `is not valid brotli (${(e as Error).message})`;
    throw new DatasetError([`${file}: ${reason}`]);
  }
}
