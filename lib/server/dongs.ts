import "server-only";
import { loadDataDir, resolveDataDir } from "@/lib/dataset/load";
import { DongData } from "@/lib/engine/dong-engine";

/** The dataset's 행정동 side (DATA_DIR), built on first use like the engine. */
let data: DongData | undefined;

export function getDongData(): DongData {
  data ??= new DongData(loadDataDir(resolveDataDir()));
  return data;
}
