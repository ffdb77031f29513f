import "server-only";
import { DongData } from "@/lib/engine/dong-engine";
import { getEngines } from "./engine";

/** The dataset's 행정동 side, over the one loaded dataset (DATA_DIR), built on first use. */
let data: DongData | undefined;

export function getDongData(): DongData {
  data ??= new DongData(getEngines().data);
  return data;
}
