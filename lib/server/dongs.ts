import { DongData } from "@/lib/engine/dong-engine";
import { getEngines } from "./engine";

/**
 * The dataset's 행정동 side, over the one loaded dataset (DATA_DIR), built on first use. Held on
 * globalThis like the engines (lib/server/engine.ts): Next.js bundles this module into the pages' and
 * the route handlers' module graphs apart, and each copy built its own panel (~20 MB) before. (No
 * `server-only` import: server.ts, compiled outside Next.js, reaches it to check 행정동 plan links.)
 */
const HELD = Symbol.for("adtarget.dongData");
type Holder = { [HELD]?: DongData };

export function getDongData(): DongData {
  const holder = globalThis as Holder;
  holder[HELD] ??= new DongData(getEngines().data);
  return holder[HELD];
}
