import "server-only";
import { openDataDir, resolveDataDir } from "@/lib/dataset/load";
import type { Engine } from "@/lib/engine";
import { Engines } from "@/lib/engine/windows";

/**
 * The process's one dataset and its engines, over DATA_DIR. Loaded on first use (instrumentation.ts
 * calls this at server start), never at build time, so `DATA_DIR=other npm start` serves other data.
 */
// On globalThis: Next.js bundles instrumentation and the routes separately, and both must see one load.
const KEY = Symbol.for("adtarget.engines");
const store = globalThis as { [KEY]?: Engines };

/** The dataset's engines; the 행정동 months complete on first need (instrumentation-node.ts: right after start). */
export function getEngines(): Engines {
  if (!store[KEY]) {
    const { data, ...rest } = openDataDir(resolveDataDir());
    store[KEY] = new Engines(data, rest);
  }
  return store[KEY];
}

/** The engine over the dataset's default window (2023-01…2023-09 for the bundled data). */
export function getEngine(): Engine {
  return getEngines().default;
}
