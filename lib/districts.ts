/**
 * One of Seoul's 25 districts (자치구), as the engine, the pages and the API all use it. `code` is the
 * current 5-digit administrative code the app and its URLs use. The API sends this object as it is, so
 * it holds only public fields.
 */
export interface District {
  code: string;
  slug: string;
  name_ko: string;
  name_en: string;
}

/**
 * The table, with each district's `statCode`: the statistics code that prefixes 행정동코드 in the
 * official monthly files, which only the importer needs because the two numbering schemes differ
 * (강남구: 11680 vs 11230). It stays out of `District` (see statCodeOf).
 */
const TABLE = [
  { code: "11110", statCode: "11010", slug: "jongno-gu", name_ko: "종로구", name_en: "Jongno-gu" },
  { code: "11140", statCode: "11020", slug: "jung-gu", name_ko: "중구", name_en: "Jung-gu" },
  { code: "11170", statCode: "11030", slug: "yongsan-gu", name_ko: "용산구", name_en: "Yongsan-gu" },
  { code: "11200", statCode: "11040", slug: "seongdong-gu", name_ko: "성동구", name_en: "Seongdong-gu" },
  { code: "11215", statCode: "11050", slug: "gwangjin-gu", name_ko: "광진구", name_en: "Gwangjin-gu" },
  { code: "11230", statCode: "11060", slug: "dongdaemun-gu", name_ko: "동대문구", name_en: "Dongdaemun-gu" },
  { code: "11260", statCode: "11070", slug: "jungnang-gu", name_ko: "중랑구", name_en: "Jungnang-gu" },
  { code: "11290", statCode: "11080", slug: "seongbuk-gu", name_ko: "성북구", name_en: "Seongbuk-gu" },
  { code: "11305", statCode: "11090", slug: "gangbuk-gu", name_ko: "강북구", name_en: "Gangbuk-gu" },
  { code: "11320", statCode: "11100", slug: "dobong-gu", name_ko: "도봉구", name_en: "Dobong-gu" },
  { code: "11350", statCode: "11110", slug: "nowon-gu", name_ko: "노원구", name_en: "Nowon-gu" },
  { code: "11380", statCode: "11120", slug: "eunpyeong-gu", name_ko: "은평구", name_en: "Eunpyeong-gu" },
  { code: "11410", statCode: "11130", slug: "seodaemun-gu", name_ko: "서대문구", name_en: "Seodaemun-gu" },
  { code: "11440", statCode: "11140", slug: "mapo-gu", name_ko: "마포구", name_en: "Mapo-gu" },
  { code: "11470", statCode: "11150", slug: "yangcheon-gu", name_ko: "양천구", name_en: "Yangcheon-gu" },
  { code: "11500", statCode: "11160", slug: "gangseo-gu", name_ko: "강서구", name_en: "Gangseo-gu" },
  { code: "11530", statCode: "11170", slug: "guro-gu", name_ko: "구로구", name_en: "Guro-gu" },
  { code: "11545", statCode: "11180", slug: "geumcheon-gu", name_ko: "금천구", name_en: "Geumcheon-gu" },
  { code: "11560", statCode: "11190", slug: "yeongdeungpo-gu", name_ko: "영등포구", name_en: "Yeongdeungpo-gu" },
  { code: "11590", statCode: "11200", slug: "dongjak-gu", name_ko: "동작구", name_en: "Dongjak-gu" },
  { code: "11620", statCode: "11210", slug: "gwanak-gu", name_ko: "관악구", name_en: "Gwanak-gu" },
  { code: "11650", statCode: "11220", slug: "seocho-gu", name_ko: "서초구", name_en: "Seocho-gu" },
  { code: "11680", statCode: "11230", slug: "gangnam-gu", name_ko: "강남구", name_en: "Gangnam-gu" },
  { code: "11710", statCode: "11240", slug: "songpa-gu", name_ko: "송파구", name_en: "Songpa-gu" },
  { code: "11740", statCode: "11250", slug: "gangdong-gu", name_ko: "강동구", name_en: "Gangdong-gu" },
];

export const DISTRICTS: readonly District[] = TABLE.map(({ code, slug, name_ko, name_en }) => ({
  code,
  slug,
  name_ko,
  name_en,
}));

const byKey = new Map<string, District>();
for (const d of DISTRICTS) {
  byKey.set(d.code, d);
  byKey.set(d.slug, d);
  byKey.set(d.name_ko, d);
}

/** Finds a district by administrative code, slug (case-insensitive) or Korean name. */
export function findDistrict(key: string): District | undefined {
  const k = key.trim();
  return byKey.get(k) ?? byKey.get(k.toLowerCase());
}

/** A district the code names by a constant (a default view); an unknown key is a programming error. */
export function districtNamed(key: string): District {
  const d = findDistrict(key);
  if (!d) throw new RangeError(`no such district: ${key}`);
  return d;
}

const byStatCode = new Map(TABLE.map((row, i) => [row.statCode, DISTRICTS[i]!]));
const statCodes = new Map(TABLE.map((row) => [row.code, row.statCode]));

/** Finds a district by the statistics code used in 행정동코드 (its first five digits). */
export function findDistrictByStatCode(statCode: string): District | undefined {
  return byStatCode.get(statCode);
}

/** The statistics code of 행정동코드 for a district (the importer's other numbering scheme). */
export function statCodeOf(d: District): string {
  return statCodes.get(d.code)!;
}
