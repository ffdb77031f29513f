import { ageLabel, SERVICE_BY_ID, SEX_LABELS, UNIT_LABELS, type ServiceId } from "./domain";
import type { CsvCell } from "./csv";
import type { Target } from "./engine";
import { serviceName } from "./format";
import type { TableColumn, TableData } from "./table";

/**
 * The /service view's derived figures: the table (and CSV) of the top target segments with their
 * related services, and the width of each row's z bar. Pure, so the page shows no arithmetic of its own.
 */
export const SERVICE_PAGE_LIMIT = 10;
export const RELATED_COUNT = 6;

/** YouTube and Netflix are published as standardized indices (often negative); the others as counts. */
export function isIndexService(service: ServiceId): boolean {
  return SERVICE_BY_ID[service].unit === "index";
}

/** The unit a service's values are in, in words. */
export function usageUnit(service: ServiceId): string {
  return UNIT_LABELS[SERVICE_BY_ID[service].unit];
}

/** Column label for a service's mean usage, naming its own unit. */
export function usageLabel(service: ServiceId): string {
  return `평균 ${serviceName(service)} 이용 (${usageUnit(service)})`;
}

/** The table view and CSV: one row per target, the six related services as service/r column pairs. */
export function targetsTable(service: ServiceId, targets: readonly Target[]): TableData {
  const columns: TableColumn[] = [
    { label: "순위", kind: "int" },
    { label: "자치구", kind: "text" },
    { label: "성별", kind: "text" },
    { label: "연령대", kind: "text" },
    { label: "z", kind: "signed" },
    { label: "인구 (월평균)", kind: "int" },
    { label: usageLabel(service), kind: "usage" },
  ];
  for (let i = 1; i <= RELATED_COUNT; i++) {
    columns.push({ label: `연관 서비스 ${i}`, kind: "text" }, { label: `r ${i}`, kind: "signed" });
  }
  const rows = targets.map((t, i): CsvCell[] => [
    i + 1,
    t.district.name_ko,
    SEX_LABELS[t.sex],
    ageLabel(t.age),
    t.z,
    t.population,
    t.usage,
    ...t.related.flatMap((r): CsvCell[] => [serviceName(r.service), r.r]),
  ]);
  return { columns, rows };
}

/**
 * Width of a row's z bar as a percentage of the widest |z| among the rows shown (0–100), so the
 * bars compare the rows on screen; null z (no spread to standardize against) draws no bar.
 */
export function zBarPercents(zs: readonly (number | null)[]): number[] {
  const max = Math.max(0, ...zs.map((z) => (z === null ? 0 : Math.abs(z))));
  return zs.map((z) => (z === null || max === 0 ? 0 : (Math.abs(z) / max) * 100));
}
