import { DISTRICTS } from "@/lib/districts";
import { AGES, SEXES, type ServiceId } from "@/lib/domain";
import { sha256 } from "@/lib/dataset/load";
import type { Dataset, UsageRow } from "@/lib/dataset/types";

/**
 * A tiny complete dataset (3 months × 300 segments) whose figures follow simple rules, so tests can
 * state expectations worked out by hand. With d = district index (종로구 0 … 강동구 24), m = month
 * index, a = age band / 10, s = +1 for F and −1 for M:
 *   game     = 1 (F) or 3 (M), constant over months       → z = −1 / +1; r with anything = null
 *   finance  = d + m                                      → z = (d − 12) / √52
 *   shopping = 10 − m, the same for every segment         → z = null (no spread across segments)
 *   video    = a + 2m − 5 (negative in January)            → z = (a − 4.5) / √(35/12)
 *   youtube  = −0.5 + 0.1·m·s (a negative index)
 *   netflix  = −0.2, constant                             → z = null, r = null
 *   delivery = a + 0.5m
 *   population = (d + 1) · (F: 1, M: 2) · w + 0.2m, w = age rank (1…6) in 종로구, else 1
 */
export const FIXTURE_MONTHS = ["2024-01", "2024-02", "2024-03"];

export function fixtureDataset(): Dataset {
  const rows: UsageRow[] = [];
  FIXTURE_MONTHS.forEach((month, m) => {
    DISTRICTS.forEach((district, d) => {
      AGES.forEach((age, ageIndex) => {
        for (const sex of SEXES) {
          const a = age / 10;
          const s = sex === "F" ? 1 : -1;
          const w = d === 0 ? ageIndex + 1 : 1;
          const usage: Record<ServiceId, number> = {
            game: sex === "F" ? 1 : 3,
            finance: d + m,
            shopping: 10 - m,
            video: a + 2 * m - 5,
            youtube: -0.5 + 0.1 * m * s,
            netflix: -0.2,
            delivery: a + 0.5 * m,
          };
          rows.push({ month, districtCode: district.code, sex, age, population: (d + 1) * (sex === "F" ? 1 : 2) * w + 0.2 * m, usage });
        }
      });
    });
  });
  return {
    meta: {
      kind: "bundled",
      title: "fixture",
      source: "hand-made",
      attribution: "tests",
      aggregation: "none",
      months: FIXTURE_MONTHS,
      sha256: sha256("fixture"),
    },
    rows,
  };
}
