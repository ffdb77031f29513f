import "server-only";
import { loadDataDir, resolveDataDir } from "@/lib/dataset/load";
import type { Engine } from "@/lib/engine";
import { Engines } from "@/lib/engine/windows";

/**
 * The process's one dataset and its engines, over DATA_DIR. Loaded on first use (instrumentation.ts
 * calls this at server start), never at build time, so `DATA_DIR=other npm start` serves other data.
 */
let engines: Engines | undefined;

export function getEngines(): Engines {
  engines ??= new Engines(loadDataDir(resolveDataDir()));
  return engines;
}

/** The engine over the dataset's default window (2023-01…2023-09 for the bundled data). */
export function getEngine(): Engine {
  return getEngines().default;
}
