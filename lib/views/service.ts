import type { District } from "@/lib/districts";
import {
  ageLabel,
  SEX_LABELS,
  UNIT_LABELS,
  unitKind,
  type Age,
  type ServiceId,
  type Sex,
  type SexFilter,
} from "@/lib/domain";
import type { CsvCell } from "@/lib/csv";
import type { DistrictEffect, RelatedService, Target } from "@/lib/engine";
import { zBar } from "./z-bar";
import { describeZ, formatInt, formatSigned, formatUsage, segmentLabel, serviceName } from "@/lib/format";
import { districtEffectChoropleth, type Choropleth } from "@/lib/insights/choropleth";
import { segmentPage } from "@/lib/params/pages";
import { hrefOf } from "@/lib/params/query";
import type { RelatedMethod } from "@/lib/params/values";
import type { TableColumn, TableData } from "@/lib/table";

/**
 * The /service view's derived figures, computed on the server: the top targets' rows (with links to
 * their segment pages, the services they also over-use and the services that move with the chosen one),
 * the table and CSV, the district map's group and its links. Pure; the page shows no arithmetic of its own.
 */
export const SERVICE_PAGE_LIMIT = 10;
export const RELATED_COUNT = 6;

export function serviceTitle(service: ServiceId): string {
  return `${serviceName(service)} 서비스 타겟 고객`;
}

export function serviceDescription(service: ServiceId, targets: readonly Target[], group: MapGroup): string {
  const top = targets
    .slice(0, 3)
    .map((t) => segmentLabel(t.district.name_ko, t.sex, t.age))
    .join(", ");
  return `${serviceName(service)} 서비스를 서울 평균보다 많이 쓰는 고객층 상위: ${top}. ${ageLabel(group.age)} ${SEX_LABELS[group.sex]}의 자치구별 ${serviceName(service)} 이용 지도와 함께 보세요.`;
}

/** The unit a service's values are in, in words. */
export function usageUnit(service: ServiceId): string {
  return UNIT_LABELS[unitKind(service)];
}

/** Column label for a service's mean usage, naming its own unit. */
export function usageLabel(service: ServiceId): string {
  return `평균 ${serviceName(service)} 이용 (${usageUnit(service)})`;
}

/**
 * Width of a row's z bar as a percentage of the widest |z| among the rows shown (0–100), so the
 * bars compare the rows on screen; null z (no spread to standardize against) draws no bar.
 */
export function zBarPercents(zs: readonly (number | null)[]): number[] {
  const max = Math.max(0, ...zs.map((z) => (z === null ? 0 : Math.abs(z))));
  // The table's bars are one-sided (the sign is in the colour): the half-width zBar gives, doubled.
  return zs.map((z) => zBar(z, max).width * 2);
}

// ── The map's group ───────────────────────────────────────────────────────────────────────────────

export interface MapGroup {
  sex: SexFilter;
  age: Age;
  /** True when the link chose neither and the group is the top target's. */
  fromTopTarget: boolean;
}

/**
 * The sex × age group the district map shows: the link's own, else the top target's (a data-dependent
 * default, so the URL shape leaves it out). Each part is taken from the link when given.
 */
export function mapGroup(
  given: { sex?: SexFilter; age?: Age },
  top: Pick<Target, "sex" | "age"> | undefined,
): MapGroup {
  const fallback = top ?? { sex: "F" as const, age: 20 as const };
  return {
    sex: given.sex ?? fallback.sex,
    age: given.age ?? fallback.age,
    fromTopTarget: given.sex === undefined && given.age === undefined,
  };
}

/** The segment page of one district, sex and age band: the one canonical link. */
export function segmentHref(district: District, sex: Sex, age: Age): string {
  return hrefOf("/segment", segmentPage, { district, sex, age });
}

/**
 * For 전체 (both sexes) a district opens one segment page: the sex that uses the service more there
 * (higher mean usage, which is also the higher z; ties → 여성). The ranked list links both.
 */
export function sexUsingMore(effectF: readonly DistrictEffect[], effectM: readonly DistrictEffect[]): Map<string, Sex> {
  const m = new Map(effectM.map((d) => [d.district.code, d.usage]));
  return new Map(effectF.map((d) => [d.district.code, (m.get(d.district.code) ?? -Infinity) > d.usage ? "M" : "F"]));
}

export function serviceMapTitle(service: ServiceId, group: Pick<MapGroup, "sex" | "age">): string {
  return `자치구별 ${serviceName(service)} 이용 — ${ageLabel(group.age)} ${SEX_LABELS[group.sex]}`;
}

/** The district map: each district coloured by the service's district effect, linked to its segment page. */
export function serviceMap(
  service: ServiceId,
  group: Pick<MapGroup, "sex" | "age">,
  effect: readonly DistrictEffect[],
  linkSex: (code: string) => Sex,
): Choropleth {
  return districtEffectChoropleth(service, serviceMapTitle(service, group), effect, (d) =>
    segmentHref(d, group.sex === "T" ? linkSex(d.code) : group.sex, group.age),
  );
}

// ── The targets table ─────────────────────────────────────────────────────────────────────────────

export const RELATED_LABELS: Readonly<Record<RelatedMethod, string>> = {
  adjusted: "계절 보정 r",
  raw: "원자료 r (2023년 방식)",
};

export function relatedOf(t: Target, method: RelatedMethod): RelatedService[] {
  return method === "adjusted" ? t.relatedAdjusted : t.related;
}

export interface ServiceChip {
  service: ServiceId;
  name: string;
  /** z or r, unrounded (data attribute) and as printed. */
  value: number | null;
  text: string;
  tone: "pos" | "neg" | "none";
}

export interface TargetRow {
  key: string;
  rank: number;
  district: District;
  sex: Sex;
  age: Age;
  label: string;
  href: string;
  z: number | null;
  zText: string;
  zWords: string;
  zBar: number;
  population: string;
  usage: string;
  alsoUses: ServiceChip[];
  related: ServiceChip[];
}

function chip(service: ServiceId, value: number | null): ServiceChip {
  return {
    service,
    name: serviceName(service),
    value,
    text: formatSigned(value),
    tone: value === null ? "none" : value >= 0 ? "pos" : "neg",
  };
}

export function targetRows(targets: readonly Target[], method: RelatedMethod): TargetRow[] {
  const bars = zBarPercents(targets.map((t) => t.z));
  return targets.map((t, i) => ({
    key: `${t.district.code}.${t.sex}.${t.age}`,
    rank: i + 1,
    district: t.district,
    sex: t.sex,
    age: t.age,
    label: segmentLabel(t.district.name_ko, t.sex, t.age),
    href: segmentHref(t.district, t.sex, t.age),
    z: t.z,
    zText: formatSigned(t.z),
    zWords: describeZ(t.z),
    zBar: bars[i]!,
    population: formatInt(t.population),
    usage: formatUsage(t.usage),
    alsoUses: t.alsoUses.map((a) => chip(a.service, a.z)),
    related: relatedOf(t, method).map((r) => chip(r.service, r.r)),
  }));
}

/** The table view and CSV: one row per target, the services it also uses and those moving with it. */
export function targetsTable(service: ServiceId, targets: readonly Target[], method: RelatedMethod): TableData {
  const columns: TableColumn[] = [
    { label: "순위", kind: "int" },
    { label: "자치구", kind: "text" },
    { label: "성별", kind: "text" },
    { label: "연령대", kind: "text" },
    { label: "z", kind: "signed" },
    { label: "인구 (월평균)", kind: "int" },
    { label: usageLabel(service), kind: "usage" },
  ];
  const also = Math.max(0, ...targets.map((t) => t.alsoUses.length));
  for (let i = 1; i <= also; i++)
    columns.push({ label: `많이 쓰는 서비스 ${i}`, kind: "text" }, { label: `z ${i}`, kind: "signed" });
  for (let i = 1; i <= RELATED_COUNT; i++)
    columns.push(
      { label: `함께 움직이는 서비스 ${i}`, kind: "text" },
      { label: `${RELATED_LABELS[method]} ${i}`, kind: "signed" },
    );
  const rows = targets.map((t, i): CsvCell[] => [
    i + 1,
    t.district.name_ko,
    SEX_LABELS[t.sex],
    ageLabel(t.age),
    t.z,
    t.population,
    t.usage,
    ...Array.from({ length: also }, (_, k): CsvCell[] => {
      const a = t.alsoUses[k];
      return a ? [serviceName(a.service), a.z] : [null, null];
    }).flat(),
    ...relatedOf(t, method).flatMap((r): CsvCell[] => [serviceName(r.service), r.r]),
  ]);
  return { columns, rows };
}
