/**
 * Importer benchmark: `npm run bench:ingest`. Generates into bench/tmp/ingest/ (git-ignored)
 *   - a year of full-size months in one CSV in the official 143-column layout (12 × 10,176 rows, a 기준연월 column),
 *   - a full-size monthly 29개 통신정보 XLSX (10,176 rows × 143 columns, month only in the file name), and
 *   - a large-sheet XLSX: a year in one sheet (122,112 rows × 144 columns, a 기준연월 column),
 * imports each in a child process and prints rows/s and peak memory (VmHWM from /proc, cross-checked
 * with the importer's own maxRSS). Targets: the full-size month in ≤ 5 s, ≤ 512 MB for all. The
 * importer keeps every month's 행정동 rows in memory until it writes them (≈ 12 MB a full month).
 * Generated files are reused between runs while bench/tmp/ingest/GENERATOR matches GENERATOR below
 * (bump it when the generated rows change); delete bench/tmp/ingest to regenerate.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { csvText, generateMonth, toTable, type RawRow } from "@/test/ingest/generate";
import { writeXlsxStreaming } from "@/test/ingest/xlsx-writer";

const DIR = path.resolve("bench/tmp/ingest");
const MONTHS = 12;
/**
 * v2: no repeated keys (v1 files repeat 16 under-20 keys a month, which the importer now refuses).
 * v3: XLSX written by test/ingest/xlsx-writer.ts (shared strings after the sheet, as Excel writes them).
 * v4: the official 143-column layout, full-size months of 10,176 rows (424 행정동), a year in the CSV.
 * v5: the real 424 행정동 codes and names (data/seoul/dongs.csv).
 */
const GENERATOR = "v5";

/** One full-size month: the 424 행정동 × 2 sexes × 12 bands = 10,176 rows. */
function benchMonth(month: string): RawRow[] {
  const out = generateMonth(month, {
    dongsPerDistrict: Infinity,
    bands: [20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75],
  });
  if (out.length !== 10_176) throw new Error(`bench month has ${out.length} rows`);
  return out;
}

async function writeBigCsv(file: string): Promise<void> {
  const lines = csvText(toTable(benchMonth("2015-01"), { monthColumn: "기준연월" }))
    .split("\r\n")
    .filter(Boolean);
  const header = lines.shift()!;
  const ws = createWriteStream(file);
  const write = (s: string) =>
    ws.write(s) ? Promise.resolve() : new Promise<void>((r) => ws.once("drain", () => r()));
  await write(header + "\r\n");
  for (let m = 0; m < MONTHS; m++) {
    const ym = `2015${String(m + 1).padStart(2, "0")}`;
    for (let i = 0; i < lines.length; i += 500)
      await write(
        lines
          .slice(i, i + 500)
          .map((l) => ym + l.slice(6))
          .join("\r\n") + "\r\n",
      );
  }
  await new Promise<void>((r) => ws.end(() => r()));
}

function writeBigXlsx(file: string): void {
  writeXlsxStreaming(file, toTable(benchMonth("2023-01")));
}

function writeYearXlsx(file: string): void {
  const rows = Array.from({ length: 12 }, (_, m) => benchMonth(`2022-${String(m + 1).padStart(2, "0")}`)).flat();
  writeXlsxStreaming(file, toTable(rows, { monthColumn: "기준연월" }));
}

interface Run {
  rows: number;
  seconds: number;
  wall: number;
  /** CPU seconds of the whole importer process (start-up, parsing, the hashing worker). */
  cpu: number;
  peakMb: number;
  selfPeakMb: number;
}

function runImporter(file: string, out: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--out", out, file], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let hwm = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 20);
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`importer exited ${code}:\n${stderr}${stdout}`));
      const rows = Number(/rows read: ([\d,]+)/.exec(stdout)![1]!.replaceAll(",", ""));
      const t = /time: ([\d.]+) s .*CPU ([\d.]+) s; peak memory: (\d+) MB/.exec(stdout)!;
      resolve({
        rows,
        seconds: Number(t[1]),
        cpu: Number(t[2]),
        wall: (Date.now() - started) / 1000,
        peakMb: Math.round(hwm / 1024),
        selfPeakMb: Number(t[3]),
      });
    });
  });
}

function report(name: string, file: string, r: Run): string {
  const mb = (statSync(file).size / 1048576).toFixed(0);
  return `${name} (${mb} MB, ${r.rows.toLocaleString("en-US")} rows): ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds).toLocaleString("en-US")} rows/s (wall incl. start-up ${r.wall.toFixed(2)} s; process CPU ${r.cpu.toFixed(2)} s); peak RSS ${Math.max(r.peakMb, r.selfPeakMb)} MB`;
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  const csv = path.join(DIR, "year-2015.csv");
  const xlsx = path.join(DIR, "2023.1월_29개 통신정보.xlsx");
  const year = path.join(DIR, "year-2022.xlsx");
  const stamp = path.join(DIR, "GENERATOR");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== GENERATOR) {
    rmSync(csv, { force: true });
    rmSync(xlsx, { force: true });
    rmSync(year, { force: true });
  }
  if (!existsSync(csv)) {
    console.log("generating a year of full-size months as one CSV …");
    await writeBigCsv(csv);
  }
  if (!existsSync(xlsx)) {
    console.log("generating full-size XLSX …");
    writeBigXlsx(xlsx);
  }
  if (!existsSync(year)) {
    console.log("generating large-sheet XLSX (a year in one sheet) …");
    writeYearXlsx(year);
  }
  writeFileSync(stamp, GENERATOR + "\n");
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`load average before: ${load} (other processes slow the wall-clock figures)`);
  for (const [name, file] of [
    ["CSV", csv],
    ["XLSX", xlsx],
    ["XLSX year", year],
  ] as const) {
    const out = path.join(DIR, `out-${name.toLowerCase().replace(" ", "-")}`);
    rmSync(out, { recursive: true, force: true });
    const r = await runImporter(file, out);
    const line = report(name, file, r);
    console.log(line);
    const ok = r.peakMb <= 512 && (name !== "XLSX" || r.wall <= 5);
    if (!ok) console.log(`  ✗ below target (full-size month ≤ 5 s, ≤ 512 MB)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
