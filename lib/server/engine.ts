import { openDataDir, resolveDataDir } from "@/lib/dataset/load";
import type { Engine } from "@/lib/engine";
import { Engines } from "@/lib/engine/windows";

/**
 * The process's one dataset and its engines, over DATA_DIR as it was when the server started.
 *
 * server.ts loads it before anything is served; Next.js bundles this module into several module graphs
 * (route handlers, server components, the edge's own compiled file), each with its own module variables,
 * so the engines are held on globalThis under one registered symbol: every copy finds the same ones, and
 * none reads DATA_DIR again (issue 22: a dataset imported into the same folder after the start must not
 * show up in some answers and not others). Outside the server (tests, scripts) the first call loads it.
 * Never at build time, so `DATA_DIR=other npm start` serves other data. (No `server-only` import: server.ts,
 * compiled by esbuild outside Next.js, imports this module too, and that package throws outside Next.js.)
 */
const HELD = Symbol.for("adtarget.engines");
type Holder = { [HELD]?: Engines };

/**
 * Loads the dataset (every file is read and checked against meta.json now: a snapshot) and makes it the
 * process's. The 행정동 months are parsed later (Engines.completeInBackground). Throws when it is bad.
 */
export function loadEngines(dir = resolveDataDir()): Engines {
  const { data, ...rest } = openDataDir(dir);
  const engines = new Engines(data, rest);
  (globalThis as Holder)[HELD] = engines;
  return engines;
}

/** The dataset's engines (loaded by server.ts at start). */
export function getEngines(): Engines {
  return (globalThis as Holder)[HELD] ?? loadEngines();
}

/** The engine over the dataset's default window (2023-01…2023-09 for the bundled data). */
export function getEngine(): Engine {
  return getEngines().default;
}
