import { findDistrict, type District } from "@/lib/districts";
import type { Dong } from "@/lib/dataset/types";

export type { Dong };

/** The district a 행정동 belongs to (its districtCode is the administrative code DISTRICTS use). */
export function districtOfDong(d: Dong): District {
  const district = findDistrict(d.districtCode);
  if (!district) throw new RangeError(`행정동 ${d.code} has an unknown district ${d.districtCode}`);
  return district;
}

/** `영등포구 여의동`: a 행정동 name is unique only with its district (신사동 is in 강남구 and 관악구). */
export function dongLabel(d: Dong): string {
  return `${districtOfDong(d).name_ko} ${d.name_ko}`;
}

/** Lookup key of a name: spaces removed, so `영등포구 여의동` and `영등포구여의동` are one. */
const nameKey = (s: string) => s.replace(/\s+/g, "");

/**
 * The dataset's 행정동 (dongs.csv), in code order, found by code, by `구 동` name (with or without the
 * 서울특별시 prefix or the space), or by the bare name where only one district has it.
 */
export class DongIndex {
  readonly list: readonly Dong[];
  private readonly byKey = new Map<string, Dong>();
  /** Bare names several districts share: the error message lists them. */
  private readonly ambiguous = new Map<string, Dong[]>();

  constructor(dongs: readonly Dong[]) {
    this.list = [...dongs].sort((a, b) => a.code.localeCompare(b.code));
    const bare = new Map<string, Dong[]>();
    for (const d of this.list) {
      this.byKey.set(d.code, d);
      this.byKey.set(nameKey(dongLabel(d)), d);
      const k = nameKey(d.name_ko);
      bare.set(k, [...(bare.get(k) ?? []), d]);
    }
    for (const [k, ds] of bare) {
      if (ds.length === 1) this.byKey.set(k, ds[0]!);
      else this.ambiguous.set(k, ds);
    }
  }

  get(code: string): Dong | undefined {
    return /^\d{7}$/.test(code) ? this.byKey.get(code) : undefined;
  }

  /** Finds a 행정동 by any accepted form (NFC or NFD). */
  find(raw: string): { dong: Dong } | { candidates: Dong[] } | null {
    const k = nameKey(raw.normalize("NFC")).replace(/^서울(특별)?시/, "");
    const hit = this.byKey.get(k);
    if (hit) return { dong: hit };
    const candidates = this.ambiguous.get(k);
    return candidates ? { candidates } : null;
  }

  inDistrict(district: District): Dong[] {
    return this.list.filter((d) => d.districtCode === district.code);
  }
}
