import "server-only";
import type { AnySegment } from "@/lib/domain";
import { oneGrain, type OneGrain } from "@/lib/dong-segments";
import { getDongData } from "@/lib/server/dongs";
import { allowedList, type Codec } from "@/lib/params/codec";
import { badRequest } from "./response";

/**
 * A parsed segment list (either grain) checked against the dataset: one grain, every 행정동 known;
 * otherwise a 400 naming the parameter (`segments`).
 */
export function segmentsOfOneGrain(
  list: readonly AnySegment[],
  parameter: string,
  codec: Codec<AnySegment[]>,
): { ok: true; value: OneGrain } | { ok: false; error: Response } {
  const r = oneGrain(() => getDongData().index, list);
  if (r.ok) return r;
  return {
    ok: false,
    error: badRequest({
      message: `invalid value for parameter "${parameter}" (${r.reason}); allowed: ${codec.allowed.text}`,
      parameter,
      allowed: allowedList(codec.allowed),
    }),
  };
}
