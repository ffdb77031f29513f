import type { District } from "@/lib/districts";
import {
  AGES,
  SERVICE_BY_ID,
  grainOf,
  SEX_LABELS,
  SEXES,
  UNIT_LABELS,
  ageLabel,
  unitKind,
  type Age,
  type AnySegment,
  type Grain,
  type SegmentKey,
  type ServiceId,
  type Sex,
  type SexFilter,
} from "@/lib/domain";
import { dongLabel, type Dong } from "@/lib/dongs";
import type { Engine } from "@/lib/engine";
import type { DongAudienceRow } from "@/lib/engine/dong-audience";
import { segmentLabel, serviceName } from "@/lib/format";
import { comparePage } from "@/lib/params/pages";
import { echo, normalizeRaw, type Codec } from "@/lib/params/codec";
import { hrefOf, type QueryInput } from "@/lib/params/query";
import * as v from "@/lib/params/values";
import { compareDesc, tieKey } from "@/lib/stats";
import type { TableData } from "@/lib/table";

/**
 * The /audience page's view model: the service's segment rows as the table shows them (the district
 * effect as an index for count services, as districtZ for standardized indices), sorted by any column
 * either way, the ticked segments' summary, and the links that carry the picks on.
 */

/** A segment's row as the audience API gives it (getAudience). */
export interface AudienceSource {
  segment: { district: District; sex: Sex; age: Age };
  population: number;
  usage: number;
  z: number | null;
  districtZ: number | null;
  score: number;
}

export interface AudienceViewRow {
  /** The segment id, `gangnam-gu.F.20` (a 행정동 segment: `1119054.F.30`). */
  id: string;
  label: string;
  district: District;
  /** The 행정동 of a row at the 행정동 grain. */
  dong?: Dong;
  sex: Sex;
  age: Age;
  population: number;
  usage: number;
  z: number | null;
  districtZ: number | null;
  /**
   * What the effect column shows: index (count services) or districtZ (index services); at the 행정동
   * grain the 행정동 effect within the row's district the same way (index or dongZ).
   */
  effect: number | null;
  score: number;
}

/** A segment's id as links write it (lib/params/values.ts anySegment): the 행정동 code where there is one. */
export function segmentId(s: { district: { slug: string }; dong?: { code: string }; sex: Sex; age: Age }): string {
  return s.dong ? `${s.dong.code}.${s.sex}.${s.age}` : `${s.district.slug}.${s.sex}.${s.age}`;
}

/** A 행정동 segment's row as the audience API gives it at the 행정동 grain (getDongAudience). */
export type DongAudienceSource = Omit<DongAudienceRow, "segment"> & {
  segment: DongAudienceRow["segment"] & { district: District };
};

/** Rows for the table at the 행정동 grain: the effect column is the 행정동 effect within the district. */
export function dongAudienceViewRows(rows: readonly DongAudienceSource[], service: ServiceId): AudienceViewRow[] {
  const count = unitKind(service) === "count";
  return rows.map((r) => ({
    id: segmentId(r.segment),
    label: segmentLabel(dongLabel(r.segment.dong), r.segment.sex, r.segment.age),
    district: r.segment.district,
    dong: r.segment.dong,
    sex: r.segment.sex,
    age: r.segment.age,
    population: r.population,
    // A segment without a figure of the service in the window (none in the bundled data) sorts as 0 usage.
    usage: r.usage ?? NaN,
    z: r.z,
    districtZ: null,
    effect: count ? r.index : r.dongZ,
    score: r.score,
  }));
}

/** A count service's district-effect index per segment (index services have none): audienceViewRows' `districtIndex`. */
export function districtIndexes(engine: Engine, service: ServiceId): (row: AudienceSource) => number | null {
  if (unitKind(service) !== "count") return () => null;
  const byId = new Map<string, number | null>();
  for (const sex of SEXES) {
    for (const age of AGES) {
      for (const d of engine.districtEffect(service, sex, age))
        byId.set(segmentId({ district: d.district, sex, age }), d.index);
    }
  }
  return (row) => byId.get(segmentId(row.segment)) ?? null;
}

/**
 * Rows for the table. `districtIndex(row)` gives the district effect's index of a count service
 * (getDistrictEffect); index services have none, so their column shows districtZ.
 */
export function audienceViewRows(
  rows: readonly AudienceSource[],
  service: ServiceId,
  districtIndex: (row: AudienceSource) => number | null,
): AudienceViewRow[] {
  const count = unitKind(service) === "count";
  return rows.map((r) => ({
    id: segmentId(r.segment),
    label: segmentLabel(r.segment.district.name_ko, r.segment.sex, r.segment.age),
    district: r.segment.district,
    sex: r.segment.sex,
    age: r.segment.age,
    population: r.population,
    usage: r.usage,
    z: r.z,
    districtZ: r.districtZ,
    effect: count ? districtIndex(r) : r.districtZ,
    score: r.score,
  }));
}

const collator = new Intl.Collator("ko");

/** The canonical order of segments (district code, 행정동 code, F before M, age): every sort's tie-break. */
function canonical(a: AudienceViewRow, b: AudienceViewRow): number {
  return (
    a.district.code.localeCompare(b.district.code) ||
    (a.dong?.code ?? "").localeCompare(b.dong?.code ?? "") ||
    SEXES.indexOf(a.sex) - SEXES.indexOf(b.sex) ||
    a.age - b.age
  );
}

/** The place column's text: the district, or `구 동` at the 행정동 grain. */
const placeName = (r: AudienceViewRow) => (r.dong ? dongLabel(r.dong) : r.district.name_ko);

function compareColumn(a: AudienceViewRow, b: AudienceViewRow, column: v.AudienceColumn): number {
  switch (column) {
    case "district":
      return collator.compare(placeName(a), placeName(b));
    case "sex":
      return SEXES.indexOf(a.sex) - SEXES.indexOf(b.sex);
    case "age":
      return a.age - b.age;
    default:
      // Numbers compared as the engine does (rounded to 1e-9, so float noise doesn't reorder ties).
      return -compareDesc(tieKey(a[column]), tieKey(b[column]));
  }
}

/**
 * Sorted by one column either way; rows without a figure (z null when every segment is equal) last
 * both ways; ties in canonical order both ways — so "highest first" on z, score or population is the
 * API's own order.
 */
export function sortAudienceRows(rows: readonly AudienceViewRow[], sort: v.AudienceTableSort): AudienceViewRow[] {
  const { column, direction } = v.splitSort(sort);
  const sign = direction === "asc" ? 1 : -1;
  const missing = (r: AudienceViewRow) => (column === "z" || column === "effect") && r[column] === null;
  return [...rows].sort(
    (a, b) => Number(missing(a)) - Number(missing(b)) || sign * compareColumn(a, b, column) || canonical(a, b),
  );
}

/** The effect column's heading and what its figures are, by the service's unit and the grain. */
export function effectColumn(
  service: ServiceId,
  grain: Grain = "district",
): { label: string; kind: "usage" | "signed" } {
  const count = unitKind(service) === "count";
  if (grain === "dong")
    return count
      ? { label: "행정동 효과 (지수, 100 = 구 안 행정동 평균)", kind: "usage" }
      : { label: "행정동 효과 (구 안 z)", kind: "signed" };
  return count
    ? { label: "자치구 효과 (지수, 100 = 25개 구 평균)", kind: "usage" }
    : { label: "자치구 효과 (구별 z)", kind: "signed" };
}

/** The table view and its CSV: the same rows, in the order shown. */
export function audienceTable(
  rows: readonly AudienceViewRow[],
  service: ServiceId,
  grain: Grain = "district",
): TableData {
  const effect = effectColumn(service, grain);
  return {
    columns: [
      { label: grain === "dong" ? "행정동" : "자치구", kind: "text" },
      { label: "성별", kind: "text" },
      { label: "연령대", kind: "text" },
      { label: "인구 (명, 월평균 거주)", kind: "int" },
      { label: `${serviceName(service)} 사용량 (${UNIT_LABELS[SERVICE_BY_ID[service].unit]})`, kind: "usage" },
      { label: "z", kind: "signed" },
      { label: effect.label, kind: effect.kind },
      { label: "점수", kind: "int" },
    ],
    rows: rows.map((r) => [
      placeName(r),
      SEX_LABELS[r.sex],
      ageLabel(r.age),
      r.population,
      r.usage,
      r.z,
      r.effect,
      r.score,
    ]),
  };
}

/** The table's columns by the sort column each one sorts (same order as audienceTable). */
export const TABLE_SORT_COLUMNS: readonly v.AudienceColumn[] = [
  "district",
  "sex",
  "age",
  "population",
  "usage",
  "z",
  "effect",
  "score",
];

export interface PickSummary {
  count: number;
  population: number;
  /** Σ population × z ÷ Σ population over the picks with a z; null when none has one. */
  meanZ: number | null;
}

/** How many segments are ticked, how many residents they have, and their population-weighted mean z. */
export function pickSummary(picked: readonly { population: number; z: number | null }[]): PickSummary {
  let people = 0;
  let weighted = 0;
  let zPeople = 0;
  for (const p of picked) {
    people += p.population;
    if (p.z !== null) {
      weighted += p.population * p.z;
      zPeople += p.population;
    }
  }
  return { count: picked.length, population: people, meanZ: zPeople > 0 ? weighted / zPeople : null };
}

/** The picks as the URL writes them, in the order ticked. */
export function toggledPicks(picks: readonly AnySegment[], id: string, on: boolean): AnySegment[] {
  const parsed = v.anySegment.parse(id);
  if (!parsed.ok) return [...picks];
  const rest = picks.filter((p) => !v.anySegment.equals(p, parsed.value));
  return on ? [...rest, parsed.value] : rest;
}

/** Both grains in one list: /compare and /plan refuse it (lib/dong-segments.ts oneGrain says why). */
const mixed = (picks: readonly AnySegment[]) => new Set(picks.map(grainOf)).size > 1;

/** Where "비교하기" goes, or why it can't yet: /compare takes 2–4 segments. */
export function compareLink(service: ServiceId, picks: readonly AnySegment[]): { href: string } | { reason: string } {
  if (mixed(picks)) return { reason: "자치구 고객층과 행정동 고객층은 함께 비교하지 않습니다" };
  if (!v.compareSegments.parse(v.compareSegments.serialize([...picks])).ok) {
    return { reason: picks.length < 2 ? "비교하려면 2개 이상 고르세요" : "비교는 한 번에 4개까지입니다" };
  }
  return { href: hrefOf("/compare", comparePage, { segments: [...picks], service, basis: comparePage.basis.default }) };
}

/**
 * Where "예산 계획" goes: /plan with the service and the picks (the plan takes 1–50 segments; with no
 * pick it plans the service's top targets, which are district segments — at the 행정동 grain it waits
 * for a pick).
 */
export function planLink(
  service: ServiceId,
  picks: readonly AnySegment[],
  grain: Grain = "district",
): { href: string } | { reason: string } {
  const q = new URLSearchParams({ service: v.service.serialize(service) });
  if (grain === "dong" && picks.length === 0) return { reason: "행정동 고객층을 1개 이상 고르세요" };
  if (picks.length) {
    if (mixed(picks)) return { reason: "자치구 고객층과 행정동 고객층은 한 계획에 섞지 않습니다" };
    if (!v.planSegments.parse(v.planSegments.serialize([...picks])).ok)
      return { reason: "예산 계획은 50개까지의 고객층으로 세웁니다" };
    q.set("segments", v.planSegments.serialize([...picks]));
  }
  return { href: `/plan?${q}` };
}

/** The filters in words: "여성 · 20대 · 전체 자치구". */
export function filterText(f: { sex: SexFilter; age?: Age | null; district?: { name_ko: string } | null }): string {
  return [
    f.sex === "T" ? "남녀 전체" : SEX_LABELS[f.sex],
    f.age ? ageLabel(f.age) : "전체 연령대",
    f.district ? f.district.name_ko : "전체 자치구",
  ].join(" · ");
}

/**
 * A list of segment ids read leniently: the valid, distinct ones in order (at most `max`), and each
 * item that was left out with its reason in Korean — so a partly bad link keeps what it can. The
 * server page and the browser's pick state both read the list with this.
 */
export function readSegmentsLeniently(
  given: readonly string[],
  max: number,
): { items: SegmentKey[]; dropped: { raw: string; reason: string }[] };
export function readSegmentsLeniently<T>(
  given: readonly string[],
  max: number,
  codec: Codec<T>,
): { items: T[]; dropped: { raw: string; reason: string }[] };
export function readSegmentsLeniently(
  given: readonly string[],
  max: number,
  codec: Codec<unknown> = v.segment as Codec<unknown>,
) {
  const { items, bad } = v.readList(codec, given.map(normalizeRaw).join(","));
  const dropped = bad.map((b) => ({
    raw: echo(b.raw),
    reason: b.reason === "repeated" ? "이미 있는 고객층(중복)" : "알 수 없는 고객층 ID",
  }));
  for (const extra of items.slice(max)) dropped.push({ raw: codec.serialize(extra), reason: `한 번에 ${max}개까지` });
  return { items: items.slice(0, max), dropped };
}

const givenAll = (input: QueryInput, name: string) =>
  input instanceof URLSearchParams ? input.getAll(name) : ([] as string[]).concat(input[name] ?? []);

/** A list of district segment ids read leniently (a 행정동 id is among the left out). */
export function lenientSegments(input: QueryInput, name: string, max: number) {
  return readSegmentsLeniently(givenAll(input, name), max);
}

/** A list of segment ids of either grain read leniently; the page then keeps one grain (lib/dong-segments.ts keepGrain). */
export function lenientAnySegments(input: QueryInput, name: string, max: number) {
  return readSegmentsLeniently(givenAll(input, name), max, v.anySegment);
}

/** Rows per page of the /audience table: sorting and filtering act on all rows, the page shows 50. */
export const AUDIENCE_PAGE_SIZE = 50;

export interface AudiencePager {
  /** The first row shown, 0-based (an offset past the end shows the last page). */
  offset: number;
  pages: { offset: number; label: string }[];
}

/** The pages of `total` rows and the shown one, labelled by their row ranges ("51–100"). */
export function audiencePager(total: number, offset: number): AudiencePager {
  const pages = Array.from({ length: Math.ceil(total / AUDIENCE_PAGE_SIZE) }, (_, i) => {
    const start = i * AUDIENCE_PAGE_SIZE;
    return { offset: start, label: `${start + 1}–${Math.min(start + AUDIENCE_PAGE_SIZE, total)}` };
  });
  const last = pages.at(-1)?.offset ?? 0;
  return { offset: Math.min(offset, Math.max(last, 0)), pages };
}
