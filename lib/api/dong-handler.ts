import "server-only";
import type { Dong } from "@/lib/dongs";
import type { DongData, WindowInfo } from "@/lib/engine/dong-engine";
import { readParam } from "@/lib/params";
import { dongQueries } from "@/lib/params/dong-api";
import { problemResponse } from "./handler";
import { readDongWindow } from "./dong-queries";

/** The {code} of /api/dongs/{code}/…, read with the 행정동 codec; a bad one is a 400 naming `code`. */
export function dongFromPath(data: DongData, raw: string): { ok: true; value: Dong } | { ok: false; error: Response } {
  const param = dongQueries(data.index).path.code;
  const r = readParam(param, [raw]);
  if (r.kind === "valid") return { ok: true, value: r.value };
  return {
    ok: false,
    error: problemResponse({
      parameter: "code",
      label: param.label,
      kind: "invalid",
      raw: r.kind === "invalid" ? r.raw : raw,
      reason: r.kind === "invalid" ? r.reason : "missing",
      allowed: param.codec.allowed,
    }),
  };
}

/** The query's from/to as the window of 행정동 figures of the measure, or a 400 naming the parameter. */
export function dongWindowOf(
  data: DongData,
  from: string | undefined,
  to: string | undefined,
  measure?: string,
): { ok: true; value: WindowInfo } | { ok: false; error: Response } {
  const w = readDongWindow(data, from, to, measure);
  return w.ok ? { ok: true, value: w.window } : { ok: false, error: problemResponse(w.problem) };
}
