import { createEngine, type Engine } from "@/lib/engine";
import { loadDatasetDir, resolveDataDir } from "@/lib/dataset/load";

/**
 * The process's one engine, over the dataset in DATA_DIR as it was when the server started.
 *
 * server.ts loads it before anything is served; Next.js bundles this module into several module
 * graphs (route handlers, server components, the edge's own compiled file), each with its own module
 * variables, so the engine is held on globalThis under one registered symbol: every copy finds the
 * same one, and none reads DATA_DIR again (issue 22: a dataset imported into the same folder after the
 * start must not show up in some answers and not others). Outside the server (tests, scripts) the
 * first call loads it. Never at build time, so `DATA_DIR=other npm start` serves other data.
 */
const HELD = Symbol.for("adtarget.engine");
type Holder = { [HELD]?: Engine };

/** Loads the dataset and makes it the process's engine (server start). Throws when the dataset is bad. */
export function loadEngine(dir = resolveDataDir()): Engine {
  const engine = createEngine(loadDatasetDir(dir));
  (globalThis as Holder)[HELD] = engine;
  return engine;
}

export function getEngine(): Engine {
  return (globalThis as Holder)[HELD] ?? loadEngine();
}
