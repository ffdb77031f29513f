import type { District } from "@/lib/districts";
import {
  isDongSegment,
  type Age,
  type AnySegment,
  type DongSegmentId,
  type Grain,
  type SegmentKey,
  type Sex,
} from "@/lib/domain";
import { districtOfDong, type Dong, type DongIndex } from "@/lib/dongs";

/** A 행정동 segment resolved against the loaded dataset: the 행정동 itself (name, district) × sex × age band. */
export interface DongSegment {
  dong: Dong;
  sex: Sex;
  age: Age;
}

export function resolveDongSegment(index: DongIndex, id: DongSegmentId): DongSegment | undefined {
  const dong = index.get(id.dong);
  return dong ? { dong, sex: id.sex, age: id.age } : undefined;
}

export function dongSegmentDistrict(s: DongSegment): District {
  return districtOfDong(s.dong);
}

/** A list of segments, all of one grain: the district keys, or the 행정동 segments resolved. */
export type OneGrain = { grain: "district"; segments: SegmentKey[] } | { grain: "dong"; segments: DongSegment[] };

/**
 * Reads a list of segment ids (either grain) strictly, as the API does: every 행정동 id must name a
 * 행정동 of the dataset, and the list must be of one grain — a district segment's z is across the 300
 * district segments, a 행정동 segment's across the 5,088 행정동 segments and over the months that have
 * 행정동 figures, so side by side or in one plan they would not measure the same thing. `index` is
 * asked for only when the list has a 행정동 (a district list never loads the 행정동 side).
 */
export function oneGrain(
  index: () => DongIndex,
  list: readonly AnySegment[],
): { ok: true; value: OneGrain } | { ok: false; reason: string } {
  const dongs = list.filter(isDongSegment);
  if (dongs.length === 0) return { ok: true, value: { grain: "district", segments: list as SegmentKey[] } };
  if (dongs.length !== list.length)
    return {
      ok: false,
      reason: "mixes district segments (district.sex.age) and 행정동 segments (행정동code.sex.age); give one grain",
    };
  const resolved: DongSegment[] = [];
  for (const id of dongs) {
    const s = resolveDongSegment(index(), id);
    if (!s)
      return {
        ok: false,
        reason: `item "${id.dong}.${id.sex}.${id.age}": ${id.dong} is not a 행정동 of the dataset (see /api/dongs)`,
      };
    resolved.push(s);
  }
  return { ok: true, value: { grain: "dong", segments: resolved } };
}

/**
 * The same list read leniently, as the pages do: the items of `grain` that resolve, and each other
 * item with its reason in Korean (another grain, or a 행정동 the dataset lacks). `index` is asked for
 * only at the 행정동 grain.
 */
export function keepGrain(
  index: () => DongIndex,
  list: readonly AnySegment[],
  grain: Grain,
): { district: SegmentKey[]; dong: DongSegment[]; dropped: { raw: string; reason: string }[] } {
  const district: SegmentKey[] = [];
  const dong: DongSegment[] = [];
  const dropped: { raw: string; reason: string }[] = [];
  for (const s of list) {
    if (!isDongSegment(s)) {
      if (grain === "district") district.push(s);
      else
        dropped.push({
          raw: `${s.district.slug}.${s.sex}.${s.age}`,
          reason: "자치구 고객층(행정동 고객층과 섞을 수 없음)",
        });
      continue;
    }
    const raw = `${s.dong}.${s.sex}.${s.age}`;
    if (grain === "district") {
      dropped.push({ raw, reason: "행정동 고객층(자치구 고객층과 섞을 수 없음)" });
      continue;
    }
    const r = resolveDongSegment(index(), s);
    if (r) dong.push(r);
    else dropped.push({ raw, reason: "이 자료에 없는 행정동" });
  }
  return { district, dong, dropped };
}
