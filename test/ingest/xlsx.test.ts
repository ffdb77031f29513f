import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMonth, toTable, type RawRow } from "./generate";
import { cli, readWritten, removeTempDirs, snapshot, tempDir } from "./helpers";
import { xlsxBytes, type XlsxCell } from "./xlsx-writer";

afterAll(removeTempDirs);

/**
 * The XLSX reader on crafted workbooks: multi-byte text across read-chunk boundaries, damaged and
 * lying ZIP headers, decompression bombs, formulas without cached values, date cells, and no
 * temporary files on any path.
 */
const ROOT = path.resolve(__dirname, "../..");
let root: string;
let raw: RawRow[];
let table: XlsxCell[][];

beforeAll(() => {
  root = tempDir("ingest-xlsx-");
  mkdirSync(path.join(root, "in"));
  raw = generateMonth("2023-01");
  table = toTable(raw, { layout: "minimal" });
});

const input = (name: string) => path.join(root, "in", name);

/** Offsets of a ZIP entry's local header and central directory record, found by name. */
function headers(zip: Uint8Array, name: string): { local: number; central: number } {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const find = (sig: number, nameAt: number, lenAt: number) => {
    for (let i = 0; i + 4 <= b.length; i++) {
      if (b.readUInt32LE(i) !== sig) continue;
      const len = b.readUInt16LE(i + lenAt);
      if (b.toString("utf8", i + nameAt, i + nameAt + len) === name) return i;
    }
    throw new Error(`${name} not found`);
  };
  return { local: find(0x04034b50, 30, 26), central: find(0x02014b50, 46, 28) };
}

const SHEET = "xl/worksheets/sheet1.xml";
const STRINGS = "xl/sharedStrings.xml";

async function refused(file: string): Promise<string> {
  const out = path.join(root, "ds");
  const before = snapshot(root);
  const run = await cli("--out", out, file);
  expect(run.code).toBe(1);
  expect(snapshot(root)).toBe(before);
  return run.stderr;
}

describe("XLSX text", () => {
  it("a Korean name straddling 16 KiB and 64 KiB of sharedStrings.xml reads back whole (exceljs gave U+FFFD)", async () => {
    // A title cell of n ASCII letters comes first in the shared strings, so it shifts every later string by n bytes.
    const strings = (bytes: Uint8Array) => Buffer.from(unzipSync(bytes)[STRINGS]!);
    const base = strings(xlsxBytes(table, { titleRows: [""] }));
    for (const [boundary, district] of [
      [16384, "강남구"],
      [65536, "송파구"],
    ] as const) {
      const at = (xml: Buffer) => xml.indexOf(Buffer.from(`>${district}<`)) + 1;
      const pad = boundary - 1 - at(base); // the name's first character: bytes boundary−1 … boundary+1
      expect(pad).toBeGreaterThan(0);
      const bytes = xlsxBytes(table, { titleRows: ["x".repeat(pad)] });
      expect(at(strings(bytes))).toBe(boundary - 1);
      const f = input(`straddle-${boundary}-2023-01.xlsx`);
      writeFileSync(f, bytes);
      const out = path.join(root, `straddle-${boundary}`);
      const run = await cli("--out", out, f);
      expect(run.stderr).toBe("");
      expect(readWritten(out).dong.get("2023-01")!.rows).toHaveLength(raw.filter((r) => r.band >= 20).length);
    }
  });

  it("a formula without a cached value is named, with its cell; one with a cached value is read", async () => {
    const t = table.map((r) => [...r]);
    const c = t[0]!.indexOf("쇼핑 서비스 사용일수");
    t[3]![c] = { formula: "SUM(A1:A2)" };
    t[4]![c] = { formula: "1+1", cached: Number(t[4]![c]) };
    const f = input("formula-2023-01.xlsx");
    writeFileSync(f, xlsxBytes(t));
    const col = String.fromCharCode(65 + c);
    expect(await refused(f)).toContain(
      `${f}:4:${c + 1}: 쇼핑 서비스 사용일수: cell ${col}4 is a formula without a cached value (=SUM(A1:A2)); open the file in Excel and save it`,
    );
  });

  it("a date-formatted month cell, inline strings and entities are read", async () => {
    const t: XlsxCell[][] = toTable(raw, { layout: "minimal", monthColumn: "기준연월" });
    for (const r of t.slice(1)) r[0] = { date: new Date(Date.UTC(2023, 0, 1)) };
    const d = t[0]!.indexOf("자치구");
    for (const r of t.slice(1)) r[d] = { inline: String(r[d]) };
    t[0]![d] = { inline: "자치구" };
    const f = input("dates.xlsx");
    writeFileSync(f, xlsxBytes(t, { titleRows: ['<서울> & "시민"'] }));
    const out = path.join(root, "dates-out");
    const run = await cli("--out", out, f);
    expect(run.stderr).toBe("");
    expect(readWritten(out).meta.months).toEqual(["2023-01"]);
  });
});

describe("damaged and hostile workbooks are refused by name, exit 1", () => {
  it("a local header that lies about the compressed size (exceljs: exit 0, nothing printed)", async () => {
    const zip = xlsxBytes(table);
    const b = Buffer.from(zip);
    const { local } = headers(zip, SHEET);
    b.writeUInt32LE(b.readUInt32LE(local + 18) - 100, local + 18);
    const f = input("lying-2023-01.xlsx");
    writeFileSync(f, b);
    expect(await refused(f)).toContain(
      `${f}: is neither CSV nor a readable XLSX workbook: ${SHEET}: its local header says`,
    );
  });

  it("as a process: a non-zero exit and a FILE: message, for a lying header and for a truncated file", () => {
    const zip = Buffer.from(xlsxBytes(table));
    const lying = input("lying-proc-2023-01.xlsx");
    const b = Buffer.from(zip);
    const { local } = headers(zip, SHEET);
    b.writeUInt32LE(0xfffff, local + 18);
    writeFileSync(lying, b);
    const cut = input("cut-2023-01.xlsx");
    writeFileSync(cut, zip.subarray(0, zip.length >> 1));
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--dry-run", lying, cut], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${lying}: is neither CSV nor a readable XLSX workbook`);
    expect(run.stderr).toContain(`${cut}: is neither CSV nor a readable XLSX workbook: no ZIP central directory`);
  });

  it("a part declaring more than 1 GiB is refused before inflating; one inflating beyond its declared size is stopped there", async () => {
    const zip = xlsxBytes(table);
    const big = Buffer.from(zip);
    const { local, central } = headers(zip, SHEET);
    big.writeUInt32LE(0x50000000, central + 24); // 1.25 GiB
    big.writeUInt32LE(0x50000000, local + 22);
    const f1 = input("bomb-declared-2023-01.xlsx");
    writeFileSync(f1, big);
    expect(await refused(f1)).toContain(
      `${f1}: is neither CSV nor a readable XLSX workbook: ${SHEET} would expand to 1,280 MiB, over the limit of 1,024 MiB`,
    );
    const small = Buffer.from(zip);
    small.writeUInt32LE(1000, central + 24);
    small.writeUInt32LE(1000, local + 22);
    const f2 = input("bomb-lying-2023-01.xlsx");
    writeFileSync(f2, small);
    expect(await refused(f2)).toContain(`${SHEET} expands beyond the 1000 bytes its directory declares`);
  });

  it("shared strings over 64 MiB are refused (they are held in memory)", async () => {
    const zip = xlsxBytes(table);
    const b = Buffer.from(zip);
    const { local, central } = headers(zip, STRINGS);
    b.writeUInt32LE(65 << 20, central + 24);
    b.writeUInt32LE(65 << 20, local + 22);
    const f = input("bomb-strings-2023-01.xlsx");
    writeFileSync(f, b);
    expect(await refused(f)).toContain(`${STRINGS} would expand to 65 MiB, over the limit of 64 MiB`);
  });
});

describe("no temporary files", () => {
  it("a refused, a broken, a dry-run and a written XLSX import leave nothing in TMPDIR (exceljs spooled the sheet there)", async () => {
    const tmp = tempDir("ingest-tmpdir-");
    const ok = input("spool-2023-01.xlsx");
    writeFileSync(ok, xlsxBytes(table));
    const bad = input("spool-bad-2023-02.xlsx");
    const t = table.map((r) => [...r]);
    t[5]![t[0]!.indexOf("성별")] = "9";
    writeFileSync(bad, xlsxBytes(t));
    const parts = unzipSync(xlsxBytes(table));
    parts[SHEET] = parts[SHEET]!.subarray(0, parts[SHEET]!.length >> 1); // cut inside a row: an XML error
    const broken = input("spool-broken-2023-03.xlsx");
    writeFileSync(broken, zipSync(parts));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // os.tmpdir() reads it on every call
    try {
      expect((await cli("--dry-run", ok)).code).toBe(0);
      expect((await cli("--out", path.join(root, "spool-out"), bad)).code).toBe(1);
      const run = await cli("--dry-run", broken);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${broken}: is neither CSV nor a readable XLSX workbook: `);
      expect((await cli("--out", path.join(root, "spool-out"), ok)).code).toBe(0);
    } finally {
      process.env.TMPDIR = saved;
    }
    expect(readdirSync(tmp)).toEqual([]);
  });
});
