import { readFileSync } from "node:fs";
import path from "node:path";
import { DISTRICT_FILE, DONGS_FILE, dongMonthFile, META_FILE, sha256Hex } from "@/lib/dataset/v2";
import { ENGINE_NEEDS } from "@/lib/dataset/window";
import {
  brotli,
  districtHeader,
  districtLines,
  dongCsv,
  dongsCsv,
  groupsOf,
  measuresOf,
  monthGaps,
  type Method,
  type OutputFile,
} from "./dataset-out";
import { IngestError, Problems } from "./errors";
import { buildMeta } from "./meta";
import { readInputFile, type Progress } from "./read";
import type { FileStats } from "./row-handler";
import { Store, weightColumn } from "./store";

export interface IngestOptions {
  files: readonly string[];
  method: Method;
  progress?: Progress;
  now?: Date;
  /** 행정동 codes known to the bundled data; codes outside it are kept and noted (a newer vintage). */
  knownDongs?: ReadonlySet<string>;
}

export interface IngestResult {
  /** The dataset folder's files, meta.json last. */
  output: OutputFile[];
  meta: ReturnType<typeof buildMeta>;
  /** Names the version folder: it covers every file (meta.json lists their sha256). */
  metaSha256: string;
  files: FileStats[];
  months: string[];
  /** Not errors, but worth saying: unknown 행정동 codes, population differences between a month's files. */
  notes: string[];
  dongRows: number;
}

/** The 행정동 codes of a dataset folder's dongs.csv (the bundled data's, by default), or undefined without one. */
export function knownDongsOf(dir: string): Set<string> | undefined {
  try {
    const text = readFileSync(path.join(dir, DONGS_FILE), "utf8");
    return new Set(
      text
        .split("\n")
        .slice(1)
        .map((l) => l.split(",")[0]!)
        .filter(Boolean),
    );
  } catch {
    return undefined;
  }
}

/**
 * Reads the files into the 행정동 rows of each month and builds the dataset folder's files in memory.
 * Throws IngestError listing located problems; writes nothing.
 */
export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const problems = new Problems();
  if (!opts.files.length) {
    problems.add({ file: "(no files)" }, "give at least one input file");
    throw new IngestError(problems);
  }
  // Sized for the known 행정동 (+ a few of a newer vintage): a full month is allocated once, not grown.
  const store = new Store(opts.knownDongs ? opts.knownDongs.size + 8 : 32);
  const files: FileStats[] = [];
  /** Per month, which file gave each measure or group: a second file giving the same is the month given twice. */
  const givenBy = new Map<string, Map<string, string>>();
  for (const file of opts.files) {
    const stats = await readInputFile(file, { store, knownDongs: opts.knownDongs, problems }, opts.progress);
    files.push(stats);
    for (const month of stats.months) {
      const given = givenBy.get(month) ?? new Map<string, string>();
      givenBy.set(month, given);
      const clash = [...new Set(stats.gives.map((id) => given.get(id)).filter((f): f is string => f !== undefined))];
      for (const other of clash) {
        problems.add(
          { file },
          `month ${month} is also in ${other}, with the same columns; give each month's 29개 통신정보 and 10개 관심집단 수 file once`,
        );
      }
      for (const id of stats.gives) if (!given.has(id)) given.set(id, file);
    }
  }
  const months = store.monthList.filter((m) => store.months.get(m)!.filled.some((f) => f === 1));
  if (problems.ok && !months.length) problems.add({ file: opts.files.join(", ") }, "no data rows in any file");
  if (!problems.ok) throw new IngestError(problems);

  const measures = measuresOf(store, months, opts.method);
  const groups = groupsOf(store, months);
  for (const month of months) {
    const gaps = monthGaps(
      store,
      month,
      measures,
      groups.map((g) => g.id),
    );
    const from = files
      .filter((f) => f.months.has(month))
      .map((f) => f.file)
      .join(", ");
    for (const gap of gaps) problems.add({ file: from }, `month ${month}: ${gap}`);
  }
  if (!problems.ok) throw new IngestError(problems);
  const notes = notesOf(store, files, measures);
  const window = defaultWindowOf(store, months);
  if (!window.servable)
    notes.push(
      `no month has 총인구 and the seven services (${ENGINE_NEEDS.columns.slice(1).join(", ")}): the pages need them, so \`npm start\` will refuse this dataset on its own; import a 29개 통신정보 file with it`,
    );
  const output: OutputFile[] = [{ name: DONGS_FILE, content: Buffer.from(dongsCsv(store, months)) }];
  // Unweighted means are what the loader rolls up from the 행정동 rows itself; weighted ones it cannot.
  const district = opts.method === "weighted" && measures.length ? [districtHeader(measures)] : undefined;
  let dongRows = 0;
  for (const month of months) {
    const t = store.months.get(month)!;
    for (let r = 0; r < t.rowCount; r++) dongRows += t.filled[r]!;
    output.push({ name: dongMonthFile(month), content: brotli(dongCsv(t, measures)) });
    district?.push(...districtLines(store, month, measures));
    store.months.delete(month); // written: its rows (≈12 MB a full month) can go
  }
  if (district) output.push({ name: DISTRICT_FILE, content: Buffer.from(district.join("\n") + "\n") });

  const meta = buildMeta({
    months,
    measures,
    groups,
    method: opts.method,
    sources: files.map((f) => ({ name: path.basename(f.file), sha256: f.sha256 })),
    files: Object.fromEntries(output.map((f) => [f.name, sha256Hex(f.content)])),
    created: opts.now,
    defaultWindow: window.window,
  });
  const metaJson = Buffer.from(JSON.stringify(meta, null, 2) + "\n");
  output.push({ name: META_FILE, content: metaJson });
  return { output, meta, metaSha256: sha256Hex(metaJson), files, months, notes, dongRows };
}

/**
 * The analysis window the app opens with: the latest run of consecutive months that have population and
 * the seven services (the engine's needs, ENGINE_NEEDS), e.g. not a trailing month of 10개 관심집단 수 only.
 */
function defaultWindowOf(
  store: Store,
  months: readonly string[],
): { window: { from: string; to: string }; servable: boolean } {
  const ok = months.map((m) => ENGINE_NEEDS.columns.every((id) => store.months.get(m)!.has(id)));
  const last = ok.lastIndexOf(true);
  if (last < 0) return { window: { from: months[0]!, to: months[months.length - 1]! }, servable: false };
  let first = last;
  while (first > 0 && ok[first - 1] && nextMonth(months[first - 1]!) === months[first]) first--;
  return { window: { from: months[first]!, to: months[last]! }, servable: true };
}

function nextMonth(m: string): string {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
}

function notesOf(store: Store, files: readonly FileStats[], measures: ReturnType<typeof measuresOf>): string[] {
  const notes: string[] = [];
  for (const f of files) {
    if (f.unknownDongs.size) {
      const list = [...f.unknownDongs].slice(0, 5).map(([code, name]) => `${code} ${name}`);
      notes.push(
        `${f.file}: ${f.unknownDongs.size} 행정동 code${f.unknownDongs.size === 1 ? " is" : "s are"} not among the bundled data's 424 (a newer vintage?); kept with the file's own names: ${list.join(", ")}${f.unknownDongs.size > 5 ? ", …" : ""}`,
      );
    }
  }
  for (const [key, m] of store.mismatches)
    notes.push(
      `${key}: ${m.count} ${m.count === 1 ? "row differs" : "rows differ"} between the month's files; the first file's value is kept (e.g. ${m.example})`,
    );
  const mixed = measures.filter(
    (m) =>
      m.weights === "population" &&
      m.months.some((month) => store.months.get(month)!.has(weightColumn(m.measure.base.id))),
  );
  if (mixed.length)
    notes.push(
      `weighted by 총인구수 because some of their months have no 미추정 column: ${mixed.map((m) => m.measure.id).join(", ")}`,
    );
  for (const m of store.months.values())
    if (m.rowCount > 0 && !m.filled.some((f) => f === 1)) notes.push(`month ${m.month}: no usable rows`);
  return notes;
}
