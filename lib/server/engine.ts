import "server-only";
import { createEngine, type Engine } from "@/lib/engine";
import { loadDatasetDir, resolveDataDir } from "@/lib/dataset/load";

/**
 * The process's one engine, over the dataset in DATA_DIR. Loaded on first use (instrumentation.ts
 * calls this at server start), never at build time, so `DATA_DIR=other npm start` serves other data.
 */
let engine: Engine | undefined;

export function getEngine(): Engine {
  engine ??= createEngine(loadDatasetDir(resolveDataDir()));
  return engine;
}
