import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { META_FILE, USAGE_FILE } from "./format";
import { DatasetError, parseDataset } from "./parse";
import type { Dataset } from "./types";

export const DEFAULT_DATA_DIR = "data/2023";

/** The dataset folder: DATA_DIR when set (relative to the working directory), else the bundled 2023 data. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // turbopackIgnore: the folder is chosen at run time, so the build must not trace or bundle it.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR?.trim() || DEFAULT_DATA_DIR);
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Reads and validates a dataset folder; errors carry the folder so a start-up failure says where to look. */
export function loadDatasetDir(dir: string): Dataset {
  const read = (name: string) => {
    try {
      return readFileSync(/* turbopackIgnore: true */ path.join(dir, name));
    } catch (e) {
      throw new DatasetError([`${path.join(dir, name)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
    }
  };
  const usage = read(USAGE_FILE);
  const meta = read(META_FILE);
  try {
    return parseDataset(usage.toString("utf8"), meta.toString("utf8"), sha256(usage));
  } catch (e) {
    if (e instanceof DatasetError) {
      throw new DatasetError(e.problems.map((p) => path.join(dir, p)));
    }
    throw e;
  }
}
