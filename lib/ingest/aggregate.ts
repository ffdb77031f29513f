import { AGES, SERVICE_IDS, SEXES, type Age, type ServiceId, type Sex } from "@/lib/domain";
import { DISTRICTS } from "@/lib/districts";
import type { UsageRow } from "@/lib/dataset/types";
import { AMBIGUOUS_CODES, resolveAmbiguous } from "./values";

export type Method = "weighted" | "unweighted";

/**
 * Running sums per month and segment (district × sex × 10-year band), kept in one Float64Array per
 * month so a row costs a handful of additions. Slots 0–24 are the districts in DISTRICTS order; the
 * slots after them hold rows whose 5-digit district code is valid in both numbering schemes until
 * the file's scheme is known (see resolvePending).
 */
export const DISTRICT_SLOTS = DISTRICTS.length + AMBIGUOUS_CODES.length;
const N_SERVICES = SERVICE_IDS.length;
/** Per segment: population, rows, then per service: Σ w·v, Σ w, Σ v, n. */
export const STRIDE = 2 + 4 * N_SERVICES;
export const POP = 0;
export const ROWS = 1;
export const svc = (k: number) => 2 + 4 * k;
const SEGMENTS_PER_SLOT = SEXES.length * AGES.length;

const slotByDistrictCode = new Map(DISTRICTS.map((d, i) => [d.code, i]));
export function districtSlot(code: string): number {
  return slotByDistrictCode.get(code)!;
}
export function ambiguousSlot(code: string): number {
  return DISTRICTS.length + AMBIGUOUS_CODES.indexOf(code);
}
export function sexIndex(sex: Sex): number {
  return SEXES.indexOf(sex);
}
export function ageIndex(age10: number): number {
  return (age10 - AGES[0]) / 10;
}
export function segmentOffset(slot: number, sexIdx: number, ageIdx: number): number {
  return ((slot * SEXES.length + sexIdx) * AGES.length + ageIdx) * STRIDE;
}

export interface Missing {
  month: string;
  districtCode: string;
  sex: Sex;
  age: Age;
  /** Undefined when the segment has no rows at all. */
  service?: ServiceId;
}

export class Aggregator {
  private readonly tables = new Map<string, Float64Array>();

  table(month: string): Float64Array {
    let t = this.tables.get(month);
    if (!t) {
      t = new Float64Array(DISTRICT_SLOTS * SEGMENTS_PER_SLOT * STRIDE);
      this.tables.set(month, t);
    }
    return t;
  }

  /** Adds another aggregator's sums (a file read on its own) into this one. */
  merge(other: Aggregator): void {
    for (const [month, t] of other.tables) {
      const mine = this.table(month);
      for (let i = 0; i < t.length; i++) mine[i]! += t[i]!;
    }
  }

  get months(): string[] {
    return [...this.tables.keys()].sort();
  }

  /** True when some rows wait for an ambiguous district code to be resolved. */
  hasPending(): boolean {
    for (const t of this.tables.values()) {
      for (let i = segmentOffset(DISTRICTS.length, 0, 0); i < t.length; i += STRIDE) if (t[i + ROWS]! > 0) return true;
    }
    return false;
  }

  /** Moves the rows held under ambiguous codes into their districts once a file's scheme is known. */
  resolvePending(scheme: "admin" | "stat"): void {
    for (const t of this.tables.values()) {
      AMBIGUOUS_CODES.forEach((code) => {
        const from = segmentOffset(ambiguousSlot(code), 0, 0);
        const to = segmentOffset(districtSlot(resolveAmbiguous(code, scheme).code), 0, 0);
        for (let i = 0; i < SEGMENTS_PER_SLOT * STRIDE; i++) {
          t[to + i]! += t[from + i]!;
          t[from + i] = 0;
        }
      });
    }
  }

  /** Drops pending rows (the file was refused anyway). */
  clearPending(): void {
    for (const t of this.tables.values()) t.fill(0, segmentOffset(DISTRICTS.length, 0, 0));
  }

  /**
   * The segments' figures. Population is the sum of 총인구수 (rounded to 6 decimals to drop float
   * noise); a service is Σ w·v / Σ w (weighted) or Σ v / n over rows with a value (unweighted).
   */
  finish(method: Method): { rows: UsageRow[]; missing: Missing[] } {
    const rows: UsageRow[] = [];
    const missing: Missing[] = [];
    for (const month of this.months) {
      const t = this.tables.get(month)!;
      DISTRICTS.forEach((d, slot) => {
        SEXES.forEach((sex, si) => {
          AGES.forEach((age, ai) => {
            const o = segmentOffset(slot, si, ai);
            if (t[o + ROWS] === 0) {
              missing.push({ month, districtCode: d.code, sex, age });
              return;
            }
            const usage = {} as Record<ServiceId, number>;
            let complete = true;
            SERVICE_IDS.forEach((service, k) => {
              const b = o + svc(k);
              const value = method === "weighted" ? (t[b + 1]! > 0 ? t[b]! / t[b + 1]! : NaN) : t[b + 3]! > 0 ? t[b + 2]! / t[b + 3]! : NaN;
              if (Number.isFinite(value)) usage[service] = value;
              else {
                complete = false;
                missing.push({ month, districtCode: d.code, sex, age, service });
              }
            });
            if (complete) rows.push({ month, districtCode: d.code, sex, age, population: Number(t[o + POP]!.toFixed(6)), usage });
          });
        });
      });
    }
    return { rows, missing };
  }
}
