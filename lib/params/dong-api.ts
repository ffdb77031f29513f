import type { DongIndex } from "@/lib/dongs";
import { windowQuery } from "./api";
import { integerCodec } from "./codec";
import { dongCodec } from "./dong";
import { optional, required } from "./param";
import type { Shape } from "./query";
import * as v from "./values";

/**
 * The 행정동 endpoints' queries. The 행정동 are the loaded dataset's, so the shapes are built once per
 * dataset (its DongIndex never changes while it is served).
 */
export const DEFAULT_SIMILAR_LIMIT = 10;

function build(index: DongIndex) {
  // The window's two months, read as everywhere (windowMonth); whether they have 행정동 figures is the
  // window's check (lib/api/dong-queries readDongWindow), which names the months that do.
  const window = windowQuery;
  return {
    /** The {code} of /api/dongs/{code}/…: a path segment read with the 행정동 codec (a bad one is a 400). */
    path: { code: { ...required("code", dongCodec(index)), label: "행정동" } },
    /** /api/dongs: all 행정동, or one district's. */
    list: { district: optional("district", v.district) },
    /** /api/services/{service}/dongs: the 행정동 effect of one sex × age group (T: both sexes). */
    effect: {
      sex: optional("sex", v.sexFilter, "T"),
      age: required("age", v.age),
      district: optional("district", v.district),
      ...window,
    },
    /** /api/dongs/{code}/priority: one 행정동 segment. */
    priority: { sex: required("sex", v.sex), age: required("age", v.age), ...window },
    /** /api/dongs/{code}/similar. */
    similar: { ...window, limit: optional("limit", integerCodec(1, 50), DEFAULT_SIMILAR_LIMIT) },
  } satisfies Record<string, Shape>;
}

const built = new WeakMap<DongIndex, ReturnType<typeof build>>();

export function dongQueries(index: DongIndex) {
  let shapes = built.get(index);
  if (!shapes) built.set(index, (shapes = build(index)));
  return shapes;
}
