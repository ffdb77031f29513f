import { findDistrictByStatCode, type District } from "@/lib/districts";

/**
 * A 행정동 as the dataset has it: the 7-digit statistics code of the data's 행정동코드 (its first five
 * digits are the district's statistics code), the name without the district (`여의동`) and the district,
 * resolved once to the app's one `District`.
 */
export interface Dong {
  code: string;
  name_ko: string;
  district: District;
}

/** Public shape of a 행정동 in API responses. */
export interface DongRef {
  code: string;
  name_ko: string;
  /** The district's administrative code (the one `district` parameters and /api/meta use). */
  district: string;
}

export function dongRef(d: Dong): DongRef {
  return { code: d.code, name_ko: d.name_ko, district: d.district.code };
}

/** `영등포구 여의동`: a 행정동 name is unique only with its district (신사동 is in 강남구 and 관악구). */
export function dongLabel(d: Dong): string {
  return `${d.district.name_ko} ${d.name_ko}`;
}

/** Builds a Dong from the dataset's list (dongs.csv); null when the code's district is not one of the 25. */
export function makeDong(code: string, name_ko: string): Dong | null {
  if (!/^\d{7}$/.test(code)) return null;
  const district = findDistrictByStatCode(code.slice(0, 5));
  return district ? { code, name_ko, district } : null;
}

/** Lookup key of a name: spaces removed, so `영등포구 여의동` and `영등포구여의동` are one. */
const nameKey = (s: string) => s.replace(/\s+/g, "");

/**
 * The dataset's 행정동, in code order, found by code, by `구 동` name (with or without the 서울특별시
 * prefix or the space), or by the bare name where only one district has it.
 */
export class DongIndex {
  readonly list: readonly Dong[];
  private readonly byKey = new Map<string, Dong>();
  /** Bare names shared by several districts, with the districts' full names, for the error message. */
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

  /** Finds a 행정동 by any accepted form; the raw value is expected NFC (lib/params normalizes it). */
  find(raw: string): { dong: Dong } | { candidates: Dong[] } | null {
    const k = nameKey(raw.normalize("NFC")).replace(/^서울(특별)?시/, "");
    const hit = this.byKey.get(k);
    if (hit) return { dong: hit };
    const candidates = this.ambiguous.get(k);
    return candidates ? { candidates } : null;
  }

  inDistrict(district: District): Dong[] {
    return this.list.filter((d) => d.district.code === district.code);
  }
}
