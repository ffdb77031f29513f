import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { SERVICES } from "@/lib/domain";
import { segmentIndex } from "@/lib/engine/segments";
import { readBounded, SIZE_LIMITS } from "./files";
import { META_FILE, USAGE_FILE } from "./format";
import { DatasetError, parseDataset } from "./parse";
import type { Dataset, DistrictMonth, LoadedDataset } from "./types";
import { CELLS, isV2Meta, loadV2, type DeferredDataset } from "./v2";

export const DEFAULT_DATA_DIR = "data/seoul";

/** The dataset folder: DATA_DIR when set (relative to the working directory), else the bundled data. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // turbopackIgnore: the folder is chosen at run time, so the build must not trace or bundle it.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR?.trim() || DEFAULT_DATA_DIR);
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

function checkFolder(dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(/* turbopackIgnore: true */ dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DatasetError([
      `${dir}: ${code === "ENOENT" ? "the dataset folder does not exist (DATA_DIR)" : `cannot read the dataset folder (${code})`}`,
    ]);
  }
  if (!isDir) throw new DatasetError([`${dir}: is not a folder (DATA_DIR names a dataset folder)`]);
}

function readMeta(dir: string): { bytes: Buffer; json: unknown } {
  const bytes = readBounded(dir, META_FILE, SIZE_LIMITS.small);
  try {
    return { bytes, json: JSON.parse(bytes.toString("utf8")) };
  } catch (e) {
    throw new DatasetError([`${path.join(dir, META_FILE)}: not valid JSON (${(e as Error).message})`]);
  }
}

/** Reads and validates a legacy folder (usage.csv + meta.json); errors carry the folder. */
export function loadDatasetDir(dir: string): Dataset {
  checkFolder(dir);
  const { bytes } = readMeta(dir);
  const usage = readBounded(dir, USAGE_FILE, SIZE_LIMITS.table);
  try {
    return parseDataset(usage.toString("utf8"), bytes.toString("utf8"), sha256(usage));
  } catch (e) {
    if (e instanceof DatasetError) throw new DatasetError(e.problems.map((p) => path.join(dir, p)));
    throw e;
  }
}

/**
 * Reads and validates a dataset folder in either format: v2 (meta.json with defaultWindow, district.csv,
 * dongs.csv, dong/*.csv.br) or the legacy usage.csv, which becomes a district-only dataset of the seven
 * services whose default window is all its months. Every problem is `FILE[:LINE]: reason`.
 */
export function loadDataDir(dir: string): LoadedDataset {
  const { data, complete } = openDataDir(dir);
  complete();
  return data;
}

/**
 * The same in two steps (see loadV2): what the default window needs, and complete() for the rest. The
 * server answers after the first step and completes right after; a legacy folder has no second step.
 */
export function openDataDir(dir: string): DeferredDataset {
  checkFolder(dir);
  const { bytes, json } = readMeta(dir);
  return isV2Meta(json)
    ? loadV2(dir, bytes, json)
    : { data: fromLegacy(loadDatasetDir(dir)), complete: () => {}, step: () => true };
}

/** A legacy dataset (also the test fixture) in the loaded v2 shape: district grain, seven services. */
export function fromLegacy(ds: Dataset): LoadedDataset {
  const months = ds.meta.months;
  const districtMonths = new Map<string, DistrictMonth>();
  for (const month of months) {
    const columns = Object.fromEntries(
      ["population", ...SERVICES.map((s) => s.id)].map((id) => [id, new Float64Array(CELLS).fill(NaN)]),
    );
    districtMonths.set(month, { month, columns, rolledUp: [] });
  }
  for (const r of ds.rows) {
    const { columns } = districtMonths.get(r.month)!;
    const c = segmentIndex(r.districtCode, r.sex, r.age);
    columns.population![c] = r.population;
    for (const s of SERVICES) columns[s.id]![c] = r.usage[s.id];
  }
  const { sha256: version, files: sources, ...rest } = ds.meta;
  return {
    meta: {
      ...rest,
      defaultWindow: { from: months[0]!, to: months.at(-1)! },
      measures: SERVICES.map((s) => ({
        id: s.id,
        name_ko: s.indicator_ko,
        kind: s.unit,
        unit_ko: s.unit === "index" ? "표준화 지수" : "제공처 단위",
        months: [...months],
        grains: ["district"],
        weights: ds.meta.method === "weighted" ? "unestimated" : "unweighted",
      })),
      groups: [],
      files: { [USAGE_FILE]: version },
      ...(sources ? { sources } : {}),
    },
    version,
    dongs: [],
    dongMonths: new Map(),
    districtMonths,
  };
}
