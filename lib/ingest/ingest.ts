import path from "node:path";
import { SERVICE_BY_ID, SEX_LABELS, ageLabel } from "@/lib/domain";
import { findDistrict } from "@/lib/districts";
import { compareRows, formatUsageCsv } from "@/lib/dataset/format";
import { sha256 } from "@/lib/dataset/load";
import { DatasetError, parseDataset } from "@/lib/dataset/parse";
import type { DatasetMeta } from "@/lib/dataset/types";
import { Aggregator, type Method } from "./aggregate";
import { IngestError, Problems } from "./errors";
import { buildMeta } from "./meta";
import { readInputFile, type Progress } from "./read";
import type { FileStats } from "./row-handler";

export interface IngestOptions {
  files: readonly string[];
  method: Method;
  progress?: Progress;
  now?: Date;
}

export interface IngestResult {
  usageCsv: string;
  metaJson: string;
  meta: DatasetMeta;
  files: FileStats[];
  rowsOut: number;
}

/**
 * Reads the files, folds them into segments and builds the normalized dataset in memory (it is
 * small: 300 rows a month). Throws IngestError listing located problems; writes nothing.
 */
export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const problems = new Problems();
  if (!opts.files.length) {
    problems.add({ file: "(no files)" }, "give at least one input file");
    throw new IngestError(problems);
  }
  const agg = new Aggregator();
  const files: FileStats[] = [];
  const monthFiles = new Map<string, string[]>();
  for (const file of opts.files) {
    // Each file's rows go to a fresh aggregator first so a month repeated across files is caught, not summed.
    const own = new Aggregator();
    const stats = await readInputFile(file, own, problems, opts.progress);
    files.push(stats);
    for (const m of stats.months) {
      const list = monthFiles.get(m) ?? [];
      list.push(file);
      monthFiles.set(m, list);
    }
    agg.merge(own);
  }
  for (const [month, list] of monthFiles) {
    if (list.length > 1) problems.add({ file: list[1]! }, `month ${month} is also in ${list[0]}; give each month once (files: ${list.join(", ")})`);
  }
  if (problems.ok && !agg.months.length) problems.add({ file: opts.files.join(", ") }, "no data rows in any file");
  if (!problems.ok) throw new IngestError(problems);

  const { rows, missing } = agg.finish(opts.method);
  for (const m of missing) {
    const d = findDistrict(m.districtCode)!;
    const seg = `${d.name_ko} ${SEX_LABELS[m.sex]} ${ageLabel(m.age)}`;
    const what = m.service ? `no value for ${SERVICE_BY_ID[m.service].indicator_ko}${opts.method === "weighted" ? " (or zero weight)" : ""}` : "no rows";
    problems.add({ file: (monthFiles.get(m.month) ?? ["?"]).join(", ") }, `month ${m.month}: segment ${seg}: ${what}`);
  }
  if (!problems.ok) throw new IngestError(problems);

  rows.sort(compareRows);
  const usageCsv = formatUsageCsv(rows);
  const sources = files.map((f) => ({ name: path.basename(f.file), sha256: f.sha256 }));
  const meta = buildMeta(agg.months, sources, opts.method, sha256(usageCsv), opts.now);
  const metaJson = JSON.stringify(meta, null, 2) + "\n";
  try {
    parseDataset(usageCsv, metaJson, meta.sha256); // exactly what the server will check
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    for (const p of e.problems) problems.add({ file: "(self-check)" }, p);
    throw new IngestError(problems);
  }
  return { usageCsv, metaJson, meta, files, rowsOut: rows.length };
}
