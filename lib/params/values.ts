import { DISTRICTS, findDistrict, type District } from "@/lib/districts";
import {
  AGES,
  AUDIENCE_SORTS,
  BASES,
  DONG_AUDIENCE_SORTS,
  GRAINS,
  SERVICES,
  SERVICE_BY_ID,
  SERVICE_IDS,
  SEX_FILTERS,
  SEX_LABELS,
  SEXES,
  ageLabel,
  isAge,
  isDongSegment,
  type AnySegment,
  type Age,
  type AudienceSort,
  type Basis,
  type DongAudienceSort,
  type DongSegmentId,
  type Grain,
  type SegmentKey,
  type ServiceId,
  type Sex,
  type SexFilter,
} from "@/lib/domain";
import { amountCodec } from "./amount";
import { decimalCodec, enumCodec, integerCodec, MAX_PARAM_LENGTH, type Codec } from "./codec";

/**
 * The codecs of the app's URL values. A district is resolved here, once, to the one `District` object
 * the engine, API and pages all use; it is written back as its slug.
 */
export const district: Codec<District> = {
  parse: (raw) => {
    const d = findDistrict(raw);
    return d ? { ok: true, value: d } : { ok: false, reason: "not one of Seoul's 25 districts" };
  },
  serialize: (d) => d.slug,
  equals: (a, b) => a.code === b.code,
  allowed: {
    text: "one of the 25 districts by code, slug or Korean name (e.g. 11680, gangnam-gu, 강남구); see /api/meta",
    values: DISTRICTS.map((d) => ({ value: d.slug, label: d.name_ko })),
  },
  maxLength: MAX_PARAM_LENGTH,
};

const SEX_ALIASES = { 여성: "F", 여: "F", 남성: "M", 남: "M", 전체: "T" } as const;

/** One sex: a segment is always one. */
export const sex: Codec<Sex> = enumCodec(SEXES, (s) => SEX_LABELS[s], { 여성: "F", 여: "F", 남성: "M", 남: "M" });
/** F, M or T (both), for views that add the sexes together. */
export const sexFilter: Codec<SexFilter> = enumCodec(SEX_FILTERS, (s) => SEX_LABELS[s], SEX_ALIASES);

/** An age band by its first year (20 … 70); "20대" is read as 20. */
export const age: Codec<Age> = {
  parse: (raw) => {
    const m = /^(\d{2})대?$/.exec(raw);
    const n = m ? Number(m[1]) : NaN;
    return isAge(n) ? { ok: true, value: n } : { ok: false, reason: "not an age band" };
  },
  serialize: (a) => String(a),
  equals: (a, b) => a === b,
  allowed: { text: AGES.join(", "), values: AGES.map((a) => ({ value: String(a), label: ageLabel(a) })) },
  maxLength: MAX_PARAM_LENGTH,
};

/** A service by id, case-insensitively, or by its Korean name (배달 → delivery). */
export const service: Codec<ServiceId> = enumCodec(
  SERVICE_IDS,
  (s) => SERVICE_BY_ID[s].name_ko,
  Object.fromEntries(SERVICES.map((s) => [s.name_ko, s.id])),
);

/**
 * A set of services (the /segment trend chart's hidden lines): distinct, written back in service order,
 * so hiding netflix then game and game then netflix is one URL.
 */
export const serviceSet: Codec<ServiceId[]> = (() => {
  const list = listCodec(service, 1, SERVICE_IDS.length, "services");
  return {
    ...list,
    parse: (raw: string) => {
      const r = list.parse(raw);
      return r.ok ? { ok: true as const, value: SERVICE_IDS.filter((s) => r.value.includes(s)) } : r;
    },
  };
})();

/** Month totals as published, or count services per day of the month (index services unchanged). */
// The vocabularies live in lib/domain (the engine uses them too); re-exported for the pages.
export { AUDIENCE_SORTS, BASES, type AudienceSort, type Basis };
export const BASIS_LABELS: Readonly<Record<Basis, string>> = { month: "월 합계", day: "일평균" };
export const basis: Codec<Basis> = enumCodec(BASES, (b) => BASIS_LABELS[b]);

/** The /insights map's metric: average age, population, or a service's district effect. */
export const INSIGHT_METRICS = ["average-age", "population", ...SERVICE_IDS] as const;
export type InsightMetric = (typeof INSIGHT_METRICS)[number];
export const insightMetric: Codec<InsightMetric> = enumCodec(INSIGHT_METRICS, (m) =>
  m === "average-age" ? "평균 연령" : m === "population" ? "인구" : `${SERVICE_BY_ID[m].name_ko} 자치구 효과`,
);

/**
 * Which "함께 움직이는 서비스" the /service targets table shows: r of the season-adjusted residual series
 * (the default), or r of the raw monthly series as the 2023 analysis computed it.
 */
export const RELATED_METHODS = ["adjusted", "raw"] as const;
export type RelatedMethod = (typeof RELATED_METHODS)[number];
export const relatedMethod: Codec<RelatedMethod> = enumCodec(RELATED_METHODS, (m) =>
  m === "adjusted" ? "계절 보정" : "원자료(2023년 방식)",
);

/** A segment id `district.sex.age` (gangnam-gu.F.20); the district may be a code, slug or Korean name. */
export const segment: Codec<SegmentKey> = {
  parse: (raw) => {
    const parts = raw.split(".");
    if (parts.length !== 3) return { ok: false, reason: "not of the form district.sex.age (e.g. gangnam-gu.F.20)" };
    const d = district.parse(parts[0]!.trim());
    const s = sex.parse(parts[1]!.trim());
    const a = age.parse(parts[2]!.trim());
    if (!d.ok) return { ok: false, reason: `unknown district "${parts[0]}"` };
    if (!s.ok) return { ok: false, reason: `sex "${parts[1]}" is not F or M` };
    if (!a.ok) return { ok: false, reason: `age "${parts[2]}" is not one of ${AGES.join(", ")}` };
    return { ok: true, value: { district: d.value, sex: s.value, age: a.value } };
  },
  serialize: (g) => `${g.district.slug}.${g.sex}.${g.age}`,
  equals: (a, b) => a.district.code === b.district.code && a.sex === b.sex && a.age === b.age,
  allowed: {
    text: "district.sex.age with district a code, slug or Korean name, sex F or M, age 20–70 (e.g. gangnam-gu.F.20)",
    form: "district.sex.age",
  },
  maxLength: MAX_PARAM_LENGTH,
};

/** A 행정동 segment id `code.sex.age` (1119054.F.30): read by its form; whether the dataset has the 행정동 is checked where it is used. */
export const dongSegment: Codec<DongSegmentId> = {
  parse: (raw) => {
    const parts = raw.split(".");
    if (parts.length !== 3 || !/^\d{7}$/.test(parts[0]!.trim()))
      return { ok: false, reason: "not of the form 행정동code.sex.age (e.g. 1119054.F.30)" };
    const s = sex.parse(parts[1]!.trim());
    const a = age.parse(parts[2]!.trim());
    if (!s.ok) return { ok: false, reason: `sex "${parts[1]}" is not F or M` };
    if (!a.ok) return { ok: false, reason: `age "${parts[2]}" is not one of ${AGES.join(", ")}` };
    return { ok: true, value: { dong: parts[0]!.trim(), sex: s.value, age: a.value } };
  },
  serialize: (g) => `${g.dong}.${g.sex}.${g.age}`,
  equals: (a, b) => a.dong === b.dong && a.sex === b.sex && a.age === b.age,
  allowed: {
    text: "행정동code.sex.age with the 행정동's 7-digit statistics code (see /api/dongs), sex F or M, age 20–70 (e.g. 1119054.F.30)",
    form: "행정동code.sex.age",
  },
  maxLength: MAX_PARAM_LENGTH,
};

/**
 * A segment at either grain: a district segment id (gangnam-gu.F.20) or a 행정동 segment id
 * (1119054.F.30), told apart by the first part (a 7-digit code is a 행정동; district codes have 5).
 */
export const anySegment: Codec<AnySegment> = {
  parse: (raw) => (/^\s*\d{7}\s*\./.test(raw) ? dongSegment.parse(raw) : segment.parse(raw)),
  serialize: (g) => (isDongSegment(g) ? dongSegment.serialize(g) : segment.serialize(g)),
  equals: (a, b) =>
    isDongSegment(a) ? isDongSegment(b) && dongSegment.equals(a, b) : !isDongSegment(b) && segment.equals(a, b),
  allowed: {
    text: "district.sex.age with district a code, slug or Korean name (e.g. gangnam-gu.F.20), or a 행정동's 7-digit code in its place (e.g. 1119054.F.30); sex F or M, age 20–70",
    // The 7-digit code stands where the district does, so the form is the same.
    form: "district.sex.age",
  },
  maxLength: MAX_PARAM_LENGTH,
};

/** /audience's grain: the 300 district segments (default) or the 5,088 행정동 segments. */
export const GRAIN_LABELS: Readonly<Record<Grain, string>> = { district: "자치구", dong: "행정동" };
export const grain: Codec<Grain> = enumCodec(GRAINS, (g) => GRAIN_LABELS[g], { 자치구: "district", 행정동: "dong" });

/** What a comma list gave: the items that parsed (repeats dropped) and what was wrong with the rest. */
export interface ListReading<T> {
  items: T[];
  bad: { raw: string; reason: string }[];
}

/** Reads a comma list item by item, so a page can keep the valid items of a partly bad link. */
export function readList<T>(item: Codec<T>, raw: string): ListReading<T> {
  const items: T[] = [];
  const bad: ListReading<T>["bad"] = [];
  for (const part of raw.split(",").map((p) => p.trim())) {
    if (part === "") continue;
    const r = item.parse(part);
    if (!r.ok) bad.push({ raw: part.slice(0, 40), reason: r.reason });
    else if (items.some((x) => item.equals(x, r.value))) bad.push({ raw: part.slice(0, 40), reason: "repeated" });
    else items.push(r.value);
  }
  return { items, bad };
}

/** A comma list of distinct items, min to max of them; an error names the first bad item. */
export function listCodec<T>(item: Codec<T>, min: number, max: number, what: string): Codec<T[]> {
  return {
    parse: (raw) => {
      const { items, bad } = readList(item, raw);
      if (bad.length) return { ok: false, reason: `item "${bad[0]!.raw}": ${bad[0]!.reason}` };
      if (items.length < min || items.length > max)
        return { ok: false, reason: `${items.length} ${what}; give ${min === max ? min : `${min} to ${max}`}` };
      return { ok: true, value: items };
    },
    serialize: (list) => list.map(item.serialize).join(","),
    equals: (a, b) => a.length === b.length && a.every((x, i) => item.equals(x, b[i]!)),
    allowed: {
      text: `${min} to ${max} distinct comma-separated ${what}, each ${item.allowed.text}`,
      ...(item.allowed.values ? { values: item.allowed.values } : { form: `${min}–${max} × ${item.allowed.form}` }),
    },
    maxLength: max * (item.maxLength + 1),
  };
}

/** 2–4 segments side by side (/compare), of one grain (the page and the API refuse a mixed list). */
export const compareSegments = listCodec(anySegment, 2, 4, "segment ids");
/** 1–50 segments to plan for (/plan), of one grain (the page and the API refuse a mixed list). */
export const planSegments = listCodec(anySegment, 1, 50, "segment ids");
/**
 * /plan's segments as the page and the browser read them: the valid ids of a partly bad list (the
 * first 50), so one mistyped id does not throw away the others; the page names what it left out.
 */
export const planSegmentsLenient: Codec<AnySegment[]> = {
  ...planSegments,
  parse: (raw) => {
    const { items } = readList(anySegment, raw);
    return items.length ? { ok: true, value: items.slice(0, 50) } : { ok: false, reason: "no valid segment id" };
  },
};
/** Picked segments on /audience: up to 300, at either grain (the page keeps those of the grain it shows). */
export const pickedSegments = listCodec(anySegment, 0, 300, "segment ids");

/** The dataset's months a view may choose from: only known once the dataset is loaded. */
export function monthCodec(months: readonly string[]): Codec<string> {
  return {
    ...enumCodec(months, (m) => `${m.slice(0, 4)}년 ${Number(m.slice(5))}월`),
    allowed: {
      text: `one of the dataset's months (${months.join(", ")})`,
      values: months.map((m) => ({ value: m, label: `${m.slice(0, 4)}년 ${Number(m.slice(5))}월` })),
    },
  };
}

/**
 * One end of the analysis window (`from`, `to`): a calendar month, `YYYY-MM` (also read: `YYYYMM`).
 * Whether the dataset has it is the window's check (lib/dataset/window.ts), which answers with the
 * months that do, so this codec needs no dataset.
 */
export const windowMonth: Codec<string> = {
  parse: (raw) => {
    const m = /^(\d{4})-?(0[1-9]|1[0-2])$/.exec(raw);
    return m ? { ok: true, value: `${m[1]}-${m[2]}` } : { ok: false, reason: "not a month (YYYY-MM)" };
  },
  serialize: (m) => m,
  equals: (a, b) => a === b,
  allowed: { text: "a month YYYY-MM of the dataset (see /api/meta months)", form: "YYYY-MM" },
  maxLength: MAX_PARAM_LENGTH,
};

/** A campaign's months: distinct, written back in calendar order. */
export function monthListCodec(months: readonly string[]): Codec<string[]> {
  const list = listCodec(monthCodec(months), 1, months.length, "months");
  return {
    ...list,
    parse: (raw) => {
      const r = list.parse(raw);
      return r.ok ? { ok: true, value: [...r.value].sort() } : r;
    },
  };
}

/** Won as people write them (30,000,000, 3천만원, 0.3억): see amount.ts. */
export const budget = amountCodec(10_000, 10_000_000_000, "an amount");
export const cpm = amountCodec(100, 1_000_000, "a price per 1,000 impressions");
export const cap = integerCodec(1, 100, "an integer number of impressions per person per month from 1 to 100");
/** The reach model's assumptions (lib/engine/reach.ts): % of residents the platform reaches, and the shape k. */
export const reachable = decimalCodec(
  1,
  100,
  "a percentage of residents the platform can reach, from 1 to 100 (e.g. 70 or 72.5)",
);
export const shape = decimalCodec(
  0.1,
  100,
  "the shape k of the exposure distribution, from 0.1 to 100 (1 = very uneven, large = even)",
);
export const limit = integerCodec(1, 300);
export const offset = integerCodec(0, 299, "an integer from 0 to 299");

/**
 * Where /audience's table starts at either grain: the 행정동 grain has 5,088 rows in Seoul (424 × 12),
 * so up to 9,999; an offset past the end shows the last page.
 */
export const tableOffset = integerCodec(0, 9_999, "an integer from 0 to 9999");
/** /api/services/{service}/audience?grain=dong: the row to start from among the 행정동 segments. */
export const dongOffset = tableOffset;

/** How /api/services/{service}/audience?grain=dong may sort (always highest first): dongZ where the district grain has districtZ. */
export const dongAudienceSort: Codec<DongAudienceSort> = enumCodec(
  DONG_AUDIENCE_SORTS,
  (s) => ({ z: "z", score: "점수", population: "인구", dongZ: "행정동 효과" })[s],
);

/** How /api/services/{service}/audience may sort (always highest first). */
export const audienceSort: Codec<AudienceSort> = enumCodec(
  AUDIENCE_SORTS,
  (s) => ({ z: "z", score: "점수", population: "인구", districtZ: "자치구 효과" })[s],
);

/**
 * The chart frames whose table view is open (ChartFrame's "표로 보기"), by frame id: the table is what
 * a reader sees, so a shared link opens the same ones. Written sorted, so one view has one URL. A page
 * opts in by adding `table: optional("table", v.tableIds, [])` to its shape in pages.ts; its
 * ChartFrames then open from the URL on the server's first render and write it when toggled.
 */
const TABLE_ID = /^[a-z][a-z0-9-]{0,31}$/;
export const tableId: Codec<string> = {
  parse: (raw) =>
    TABLE_ID.test(raw) ? { ok: true, value: raw } : { ok: false, reason: "not a chart id (a–z, 0–9, -)" },
  serialize: (id) => id,
  equals: (a, b) => a === b,
  allowed: { text: "chart ids (lower-case letters, digits and -)", form: "[a-z][a-z0-9-]{0,31}" },
  maxLength: 32,
};
const tableList = listCodec(tableId, 0, 12, "chart ids");
export const tableIds: Codec<string[]> = {
  ...tableList,
  parse: (raw) => {
    const r = tableList.parse(raw);
    return r.ok ? { ok: true, value: [...r.value].sort() } : r;
  },
  serialize: (ids) => tableList.serialize([...ids].sort()),
  equals: (a, b) => tableList.equals([...a].sort(), [...b].sort()),
};

/**
 * How the /audience table is sorted: any of its columns, either way (`score-desc`, `district-asc`).
 * "effect" is the district effect as the column shows it (index for count services, districtZ for
 * index services). The API's sort names (z, score, population, districtZ) are read as highest first.
 */
export const AUDIENCE_COLUMNS = ["district", "sex", "age", "population", "usage", "z", "effect", "score"] as const;
export type AudienceColumn = (typeof AUDIENCE_COLUMNS)[number];
export const AUDIENCE_COLUMN_LABELS: Readonly<Record<AudienceColumn, string>> = {
  district: "자치구",
  sex: "성별",
  age: "연령대",
  population: "인구",
  usage: "사용량",
  z: "z",
  effect: "자치구 효과",
  score: "점수",
};
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export type AudienceTableSort = `${AudienceColumn}-${SortDirection}`;
export const AUDIENCE_TABLE_SORTS = AUDIENCE_COLUMNS.flatMap((c) =>
  SORT_DIRECTIONS.map((d): AudienceTableSort => `${c}-${d}`),
);
export const audienceTableSort: Codec<AudienceTableSort> = enumCodec(
  AUDIENCE_TABLE_SORTS,
  (s) => {
    const { column, direction } = splitSort(s);
    const text = column === "district" || column === "sex";
    return `${AUDIENCE_COLUMN_LABELS[column]} ${text ? (direction === "asc" ? "순" : "역순") : direction === "asc" ? "낮은 순" : "높은 순"}`;
  },
  // A bare column reads the way a header click first sorts it: numbers highest first, names in order.
  {
    z: "z-desc",
    score: "score-desc",
    population: "population-desc",
    usage: "usage-desc",
    effect: "effect-desc",
    district: "district-asc",
    sex: "sex-asc",
    age: "age-asc",
  },
);

/** A table sort's column and direction. */
export function splitSort(sort: AudienceTableSort): { column: AudienceColumn; direction: SortDirection } {
  const i = sort.lastIndexOf("-");
  return { column: sort.slice(0, i) as AudienceColumn, direction: sort.slice(i + 1) as SortDirection };
}
export { dongCodec } from "./dong";
