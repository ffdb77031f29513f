import { GROUPS, MEASURE_BY_ID, type MeasureDef } from "@/lib/dataset/measures";
import { Problems, showValue } from "./errors";
import type { Cell } from "./values";

/** Header text as compared: NFC (macOS writes NFD), no BOM, no whitespace anywhere. */
export function headerKey(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  return String(cell)
    .normalize("NFC")
    .replace(/\uFEFF/g, "")
    .replace(/\s+/g, "");
}

/** A located column: `index` into the row's cells, `number` (1-based) for messages, `header` as written. */
export interface Column {
  index: number;
  number: number;
  header: string;
}

/**
 * One block of the official 29개 통신정보 layout: the measure's own `미추정` column (people whose value
 * the provider did not estimate) when it has one, the measure, then its quartiles when it has them.
 * The 미추정 names follow no pattern (`휴일 이동 미추정 인구수` belongs to `휴일 총 이동 횟수 평균`), so the
 * pairing is written down here, in the file's order, rather than built from the measure's name.
 */
interface Block {
  unestimated?: string;
  id: string;
  /** The quartile columns' stem: `<stem>: 4분위수, 25%`, 50%, 75%. */
  quartiles?: string;
}

const SERVICE_BLOCKS: Block[] = [
  ["게임 서비스", "game"],
  ["금융 서비스", "finance"],
  ["쇼핑 서비스", "shopping"],
  ["동영상/방송 서비스", "video"],
  ["유튜브", "youtube"],
  ["넷플릭스", "netflix"],
  ["배달 서비스", "delivery"],
  ["배달_브랜드 서비스", "delivery_brand"],
  ["배달_식재료 서비스", "delivery_grocery"],
].map(([name, id]) => ({ unestimated: `${name} 사용 미추정 인구수`, id: id!, quartiles: `${name} 사용일수` }));

/** The official layout after its seven key columns (행정동코드 … 1인가구수), 136 columns in 32 blocks. */
export const OFFICIAL_29_BLOCKS: readonly Block[] = [
  { unestimated: "야간상주지 변경 미추정 인구 수", id: "night_residence_changes", quartiles: "야간상주지 변경횟수" },
  { unestimated: "주간상주지 변경 미추정 인구수", id: "day_residence_changes", quartiles: "주간상주지 변경횟수" },
  { unestimated: "출근 소요시간 미추정 인구수", id: "commute_time", quartiles: "평균 출근 소요시간" },
  { unestimated: "근무시간 미추정 인구수", id: "work_time", quartiles: "평균 근무시간" },
  { id: "micropay_nonusers" },
  { id: "micropay_count", quartiles: "소액결재 사용횟수" },
  { id: "micropay_zero_amount" },
  { id: "micropay_amount", quartiles: "소액결재 사용금액" },
  { id: "overdue_ratio" },
  { id: "kakaotalk_nonusers" },
  { id: "sns_count", quartiles: "SNS 사용횟수" },
  { id: "call_volume", quartiles: "평균 통화량" },
  { id: "sms_volume", quartiles: "평균 문자량" },
  { id: "call_contacts", quartiles: "평균 통화대상자 수" },
  { id: "sms_contacts", quartiles: "평균 문자대상자 수" },
  { id: "data_usage", quartiles: "데이터 사용량" },
  { unestimated: "평일 총 이동 횟수 미추정 인구수", id: "weekday_trips", quartiles: "평일 총 이동 횟수" },
  { unestimated: "휴일 이동 미추정 인구수", id: "holiday_trips", quartiles: "휴일 총 이동 횟수" },
  {
    unestimated: "집 추정 위치 평일 총 체류시간 미추정 인구수",
    id: "home_time_weekday",
    quartiles: "집 추정 위치 평일 총 체류시간",
  },
  {
    unestimated: "집 추정 위치 휴일 총 체류시간 미추정 인구수",
    id: "home_time_holiday",
    quartiles: "집 추정 위치 휴일 총 체류시간",
  },
  { unestimated: "평일 총 이동 거리 미추정 인구수", id: "weekday_distance", quartiles: "평일 총 이동 거리 합계" },
  { unestimated: "휴일 총 이동 거리 미추정 인구수", id: "holiday_distance", quartiles: "휴일 총 이동 거리 합계" },
  { unestimated: "지하철 이용 미추정 인구수", id: "subway_days", quartiles: "지하철이동일수 합계" },
  ...SERVICE_BLOCKS,
];

export const QUARTILES = [25, 50, 75] as const;
export const quartileId = (id: string, q: number) => `${id}_q${q}`;
export const quartileHeader = (stem: string, q: number) => `${stem}: 4분위수, ${q}%`;

/** A measure column the dataset stores: a provider measure or one of its quartiles. */
export interface StoredMeasure {
  id: string;
  /** The measure whose block it belongs to (itself for a base measure): its 미추정 column weighs the block. */
  base: MeasureDef;
  /** The provider's header, verbatim. */
  name_ko: string;
}

/** Every measure the importer can store, in the official layout's order (quartiles after their measure). */
export const STORED_MEASURES: readonly StoredMeasure[] = OFFICIAL_29_BLOCKS.flatMap((b) => {
  const base = MEASURE_BY_ID.get(b.id);
  if (!base) throw new Error(`layout names measure ${b.id}, which lib/dataset/measures.ts does not have`);
  const own: StoredMeasure = { id: b.id, base, name_ko: base.name_ko };
  const stem = b.quartiles;
  return stem
    ? [own, ...QUARTILES.map((q) => ({ id: quartileId(b.id, q), base, name_ko: quartileHeader(stem, q) }))]
    : [own];
});

/** The key columns, by their accepted headers (official first). */
const KEYS = {
  month: ["기준연월", "기준년월", "년월", "연월"],
  dongCode: ["행정동코드"],
  district: ["자치구", "자치구명"],
  dongName: ["행정동", "행정동명"],
  sex: ["성별"],
  age: ["연령대"],
  population: ["총인구수", "총인구"],
  single: ["1인가구수"],
} as const;
type KeyName = keyof typeof KEYS;
const REQUIRED: readonly KeyName[] = ["dongCode", "sex", "age", "population"];

type Role =
  | { kind: "key"; name: KeyName }
  | { kind: "measure"; measure: StoredMeasure }
  | { kind: "unestimated"; id: string }
  | { kind: "group"; id: string };

const ROLES = new Map<string, Role>();
for (const [name, aliases] of Object.entries(KEYS) as [KeyName, readonly string[]][])
  for (const a of aliases) ROLES.set(headerKey(a), { kind: "key", name });
for (const measure of STORED_MEASURES) ROLES.set(headerKey(measure.name_ko), { kind: "measure", measure });
for (const b of OFFICIAL_29_BLOCKS)
  if (b.unestimated) ROLES.set(headerKey(b.unestimated), { kind: "unestimated", id: b.id });
for (const g of GROUPS)
  for (const name of [g.name_ko, ...g.aliases_ko]) ROLES.set(headerKey(name), { kind: "group", id: g.id });

export interface MeasureColumn {
  measure: StoredMeasure;
  col: Column;
  /** The block's 미추정 column, when the file has it: the weight is then 총인구수 minus it (floored at 0). */
  unestimated?: Column;
}

export interface Layout {
  month?: Column;
  dongCode: Column;
  district?: Column;
  dongName?: Column;
  sex: Column;
  age: Column;
  population: Column;
  single?: Column;
  measures: MeasureColumn[];
  groups: { id: string; col: Column }[];
  /** Columns the importer does not know, reported once (name and number), never silently dropped. */
  ignored: Column[];
  /** How many header fields; a CSV row with another count is refused. */
  width: number;
}

/** A row is taken as the header when it names both 성별 and 연령대 (files may carry a title row above). */
export function looksLikeHeader(cells: readonly Cell[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return keys.has("성별") && keys.has("연령대");
}

/**
 * Finds the columns of a header row. `base` is the index of the first cell (0 for CSV, 1 for XLSX rows,
 * indexed by column number), so column numbers in messages are 1-based either way. Accepted: the
 * official 29개 통신정보 file (143 columns), the 10개 관심집단 수 file (17 columns), the 2022 copies that
 * hold both (41 columns) — any file with the key columns and at least one known measure or group.
 */
export function matchHeader(
  cells: readonly Cell[],
  base: number,
  file: string,
  line: number,
  problems: Problems,
): Layout | undefined {
  const before = problems.count;
  const keys: Partial<Record<KeyName, Column>> = {};
  const measures: MeasureColumn[] = [];
  const groups: { id: string; col: Column }[] = [];
  const ignored: Column[] = [];
  const seen = new Map<string, Column>();
  const unestimated = new Map<string, Column>();
  /** A 미추정 column not in the official pairing: it belongs to the measure right after it. */
  let loose: Column | undefined;
  // Trailing cells without a header are no columns (XLSX rows may report one past the last).
  let end = cells.length;
  while (end > base && headerKey(cells[end - 1]) === "") end--;
  for (let i = base; i < end; i++) {
    const key = headerKey(cells[i]);
    const col: Column = {
      index: i,
      number: i - base + 1,
      header: String(cells[i] ?? "")
        .replace(/\uFEFF/g, "")
        .trim(),
    };
    const role = ROLES.get(key);
    const pending = loose;
    loose = undefined;
    if (!role) {
      if (/미추정인구수?$/.test(key)) loose = col;
      else ignored.push(col);
      if (pending) ignored.push(pending);
      continue;
    }
    const first = seen.get(key);
    if (first) {
      problems.add(
        { file, line, column: col.number },
        `column ${showValue(col.header)} appears twice (also column ${first.number})`,
      );
      continue;
    }
    seen.set(key, col);
    if (role.kind === "key") {
      const other = keys[role.name];
      if (other)
        problems.add(
          { file, line, column: col.number },
          `columns ${showValue(other.header)} (${other.number}) and ${showValue(col.header)} say the same; keep one`,
        );
      else keys[role.name] = col;
    } else if (role.kind === "unestimated") unestimated.set(role.id, col);
    else if (role.kind === "group") groups.push({ id: role.id, col });
    else {
      measures.push({ measure: role.measure, col });
      if (pending && role.measure.id === role.measure.base.id && !unestimated.has(role.measure.id))
        unestimated.set(role.measure.id, pending);
      else if (pending) ignored.push(pending);
    }
  }
  if (loose) ignored.push(loose);
  for (const m of measures) m.unestimated = unestimated.get(m.measure.base.id);
  for (const [id, col] of unestimated) {
    if (!measures.some((m) => m.measure.id === id)) {
      problems.add(
        { file, line, column: col.number },
        `column ${showValue(col.header)} counts the people without a value for ${showValue(MEASURE_BY_ID.get(id)?.name_ko ?? id)}, but the file has no such column`,
      );
    }
  }
  for (const name of REQUIRED) {
    if (keys[name]) continue;
    const [official, ...also] = KEYS[name];
    problems.add(
      { file, line },
      `missing column "${official}"${also.length ? ` (also accepted: ${also.join(", ")})` : ""}`,
    );
  }
  if (problems.count === before && !measures.length && !groups.length) {
    problems.add(
      { file, line },
      'is neither a 29개 통신정보 nor a 10개 관심집단 수 file: no column names a known measure or group (e.g. "게임 서비스 사용일수", "커뮤니케이션이 적은 집단")',
    );
  }
  if (problems.count > before) return undefined;
  return {
    month: keys.month,
    dongCode: keys.dongCode!,
    district: keys.district,
    dongName: keys.dongName,
    sex: keys.sex!,
    age: keys.age!,
    population: keys.population!,
    single: keys.single,
    measures,
    groups,
    ignored,
    width: cells.length - base,
  };
}
