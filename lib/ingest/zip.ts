import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import zlib from "node:zlib";

/**
 * A ZIP archive read through its central directory (random access: no temporary copy of any entry,
 * whatever order the entries are in), inflated with Node's own zlib. Every entry is checked against
 * what the directory says: the local header must agree on its sizes, the inflated bytes must not
 * exceed the declared size nor the limits below, and must match the declared size and CRC-32.
 */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/**
 * Decompression limits. A real monthly sheet inflates to about 42 MB (10,000 rows × 142 columns) and a
 * year in one sheet to about 530 MB, so 1 GiB per entry and per workbook leaves room while refusing
 * zip bombs (a 2 MB file can claim gigabytes). Shared strings are held in memory, so their part has
 * a lower bound; real files have well under 1 MB of them.
 */
export const LIMITS = {
  entry: 1 << 30,
  total: 1 << 30,
  sharedStrings: 64 << 20,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

/** zlib.crc32 exists from Node 20.15; on older Nodes the size checks remain and CRC-32 is not checked. */
const crc32: ((data: Uint8Array, value?: number) => number) | undefined = (
  zlib as { crc32?: (d: Uint8Array, v?: number) => number }
).crc32;

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly fd: number;
  private readonly fileSize: number;
  /** Inflated bytes so far, against LIMITS.total. */
  private inflated = 0;

  constructor(private readonly file: string) {
    this.fd = openSync(file, "r");
    try {
      this.fileSize = fstatSync(this.fd).size;
      this.readDirectory();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private readDirectory(): void {
    // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
    const tailLength = Math.min(this.fileSize, 22 + 65535);
    const tail = readAt(this.fd, this.fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError("no ZIP central directory (the file is cut short or not a ZIP archive)");
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
      const locAt = this.fileSize - tailLength + eocd - 20;
      const loc = locAt >= 0 ? readAt(this.fd, locAt, 20) : Buffer.alloc(0);
      if (loc.length < 20 || loc.readUInt32LE(0) !== SIG_LOCATOR64)
        throw new ZipError("ZIP64 directory locator missing");
      const rec = readAt(this.fd, Number(loc.readBigUInt64LE(8)), 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== SIG_EOCD64) throw new ZipError("ZIP64 directory record missing");
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > this.fileSize || cdSize > 64 << 20)
      throw new ZipError("the ZIP central directory lies outside the file");
    const cd = readAt(this.fd, cdOffset, cdSize);
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL)
        throw new ZipError("the ZIP central directory is damaged");
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const e: ZipEntry = {
        name: cd.toString("utf8", p + 46, p + 46 + nameLength),
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      };
      readZip64Extra(e, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
      this.entries.set(e.name, e);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  /**
   * Inflates an entry and hands it over in pieces (never the whole entry at once); throws ZipError
   * when it is damaged or too large. `limit` lowers the per-entry bound for parts kept in memory.
   */
  async read(name: string, onChunk: (chunk: Buffer) => void, limit = LIMITS.entry): Promise<void> {
    const e = this.entries.get(name);
    if (!e) throw new ZipError(`${name} is missing`);
    const bound = Math.min(limit, LIMITS.entry);
    if (e.size > bound)
      throw new ZipError(
        `${name} would expand to ${mib(e.size)}, over the limit of ${mib(bound)} for one part (a zip bomb, or not a monthly file)`,
      );
    if (this.inflated + e.size > LIMITS.total)
      throw new ZipError(
        `the workbook would expand to more than ${mib(LIMITS.total)} (a zip bomb, or not a monthly file)`,
      );
    const local = readAt(this.fd, e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== SIG_LOCAL)
      throw new ZipError(`${name}: its local header is missing`);
    const localCompressed = local.readUInt32LE(18);
    const localSize = local.readUInt32LE(22);
    // Without a data descriptor (flag bit 3) the local header repeats the sizes; a different one means a damaged or crafted file.
    if (
      !(local.readUInt16LE(6) & 8) &&
      localCompressed !== MAX32 &&
      (localCompressed !== e.compressedSize >>> 0 || localSize !== e.size >>> 0)
    ) {
      throw new ZipError(
        `${name}: its local header says ${localCompressed} compressed bytes, the central directory ${e.compressedSize} (the file is damaged)`,
      );
    }
    let pos = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (pos + e.compressedSize > this.fileSize)
      throw new ZipError(`${name}: its data runs past the end of the file (cut short?)`);
    if (e.flags & 1) throw new ZipError(`${name} is encrypted; save the workbook without a password`);
    let out = 0;
    let crc = 0;
    const take = (chunk: Buffer) => {
      out += chunk.length;
      if (out > e.size)
        throw new ZipError(
          `${name} expands beyond the ${e.size} bytes its directory declares (damaged, or a zip bomb)`,
        );
      if (crc32) crc = crc32(chunk, crc);
      onChunk(chunk);
    };
    if (e.method === 0) {
      for (let left = e.compressedSize; left > 0;) {
        const chunk = readAt(this.fd, pos, Math.min(left, 1 << 20));
        if (!chunk.length) break;
        pos += chunk.length;
        left -= chunk.length;
        take(chunk);
      }
    } else if (e.method === 8) {
      await inflateRaw(this.file, pos, e.compressedSize, name, take);
    } else {
      throw new ZipError(`${name} uses ZIP compression method ${e.method}; only stored and deflated parts are read`);
    }
    if (out !== e.size)
      throw new ZipError(`${name} expands to ${out} bytes, its directory declares ${e.size} (the file is damaged)`);
    if (crc32 && crc >>> 0 !== e.crc >>> 0) throw new ZipError(`${name} fails its CRC-32 check (the file is damaged)`);
    this.inflated += out;
  }

  /** The whole entry as text (for the small parts: workbook, relationships, styles). */
  async text(name: string, limit = 16 << 20): Promise<string> {
    const parts: Buffer[] = [];
    await this.read(name, (c) => parts.push(Buffer.from(c)), limit);
    return Buffer.concat(parts).toString("utf8");
  }
}

function readZip64Extra(e: ZipEntry, extra: Buffer): void {
  if (e.size !== MAX32 && e.compressedSize !== MAX32 && e.localOffset !== MAX32) return;
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len) throw new ZipError(`${e.name}: damaged ZIP64 sizes`);
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.size === MAX32) e.size = next();
      if (e.compressedSize === MAX32) e.compressedSize = next();
      if (e.localOffset === MAX32) e.localOffset = next();
      return;
    }
    p += 4 + len;
  }
  throw new ZipError(`${e.name}: ZIP64 sizes missing`);
}

/**
 * Inflates a deflated entry as a stream (public zlib API): compressed bytes are read in 1 MB slices
 * only as fast as the output is consumed, so memory stays at a few MB whatever the entry expands to.
 */
async function inflateRaw(
  file: string,
  pos: number,
  compressedSize: number,
  name: string,
  take: (chunk: Buffer) => void,
): Promise<void> {
  if (compressedSize === 0) throw new ZipError(`${name}: no compressed data (the file is damaged)`);
  const source = createReadStream(file, { start: pos, end: pos + compressedSize - 1, highWaterMark: 1 << 20 });
  const inflater = zlib.createInflateRaw({ chunkSize: 256 << 10 });
  source.on("error", (e) => inflater.destroy(e));
  source.pipe(inflater);
  try {
    for await (const chunk of inflater) take(chunk as Buffer);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`${name} cannot be inflated (${(err as Error).message}; the file is damaged)`);
  } finally {
    source.unpipe(inflater);
    source.destroy();
    inflater.destroy();
  }
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 1048576).toLocaleString("en-US")} MiB`;
}
