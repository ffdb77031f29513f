import { SERVICES, type ServiceId } from "@/lib/domain";
import { Problems, showValue } from "./errors";
import type { Cell } from "./values";

/** Header text as compared: NFC (macOS writes NFD), no BOM, no whitespace anywhere. */
export function headerKey(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  return String(cell).normalize("NFC").replace(/\uFEFF/g, "").replace(/\s+/g, "");
}

/** A located column: `index` into the row's cells, `number` (1-based) for messages, `header` as written. */
export interface Column {
  index: number;
  number: number;
  header: string;
}

export interface ServiceColumns {
  id: ServiceId;
  indicator: string;
  value: Column;
  /** `<indicator> 미추정 인구수`, when the file has it: the weight is 총인구수 minus it. */
  unestimated?: Column;
}

export interface ColumnMap {
  month?: Column;
  /** 7-digit statistics code (first 5 digits: statistics district code) or 10-digit administrative code. */
  dongCode?: Column;
  /** 자치구 name (or a code written in that column). */
  district?: Column;
  districtCode?: Column;
  sex: Column;
  age: Column;
  population: Column;
  services: ServiceColumns[];
  /** How many header fields; a CSV row with another count is refused. */
  width: number;
}

const KEY_ALIASES = {
  month: ["기준연월", "기준년월", "년월", "연월"],
  dongCode: ["행정동코드"],
  district: ["자치구", "자치구명", "시군구", "시군구명"],
  districtCode: ["자치구코드", "시군구코드"],
  sex: ["성별"],
  age: ["연령대", "연령"],
  population: ["총인구수", "총인구"],
} as const;
type KeyName = keyof typeof KEY_ALIASES;

const REQUIRED_LABEL: Partial<Record<KeyName, string>> = {
  sex: "성별",
  age: "연령대",
  population: "총인구수",
};

/** A row is taken as the header when it names both 성별 and 연령대 (files may carry a title row above). */
export function looksLikeHeader(cells: readonly Cell[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return KEY_ALIASES.sex.some((k) => keys.has(k)) && KEY_ALIASES.age.some((k) => keys.has(k));
}

/**
 * Finds the columns the importer needs in a header row. `base` is the index of the first cell (0 for
 * CSV, 1 for XLSX rows, indexed by column number), so column numbers in messages are 1-based either way.
 */
export function matchHeader(cells: readonly Cell[], base: number, file: string, line: number, problems: Problems): ColumnMap | undefined {
  const byKey = new Map<string, Column>();
  const before = problems.count;
  for (let i = base; i < cells.length; i++) {
    const key = headerKey(cells[i]);
    if (!key) continue;
    const col: Column = { index: i, number: i - base + 1, header: String(cells[i]).replace(/\uFEFF/g, "").trim() };
    const first = byKey.get(key);
    if (first) {
      if (isNeeded(key)) problems.add({ file, line, column: col.number }, `column ${showValue(col.header)} appears twice (also column ${first.number})`);
      continue;
    }
    byKey.set(key, col);
  }
  const find = (name: KeyName) => {
    for (const alias of KEY_ALIASES[name]) {
      const c = byKey.get(alias);
      if (c) return c;
    }
    return undefined;
  };
  const keys: Partial<Record<KeyName, Column>> = {};
  for (const name of Object.keys(KEY_ALIASES) as KeyName[]) {
    keys[name] = find(name);
    const label = REQUIRED_LABEL[name];
    if (label && !keys[name]) {
      const also = KEY_ALIASES[name].filter((a) => a !== label);
      problems.add({ file, line }, `missing column "${label}"${also.length ? ` (also accepted: ${also.join(", ")})` : ""}`);
    }
  }
  if (!keys.district && !keys.districtCode && !keys.dongCode) {
    problems.add({ file, line }, `missing column "자치구" (also accepted: 자치구코드, 행정동코드)`);
  }
  const services: ServiceColumns[] = [];
  for (const s of SERVICES) {
    const value = byKey.get(headerKey(s.indicator_ko));
    if (!value) {
      problems.add({ file, line }, `missing column "${s.indicator_ko}"`);
      continue;
    }
    services.push({ id: s.id, indicator: s.indicator_ko, value, unestimated: byKey.get(headerKey(`${s.indicator_ko} 미추정 인구수`)) });
  }
  if (problems.count > before) return undefined;
  return {
    month: keys.month,
    dongCode: keys.dongCode,
    district: keys.district,
    districtCode: keys.districtCode,
    sex: keys.sex!,
    age: keys.age!,
    population: keys.population!,
    services,
    width: cells.length - base,
  };
}

const NEEDED = new Set<string>([
  ...Object.values(KEY_ALIASES).flat(),
  ...SERVICES.flatMap((s) => [headerKey(s.indicator_ko), headerKey(`${s.indicator_ko} 미추정 인구수`)]),
]);

function isNeeded(key: string): boolean {
  return NEEDED.has(key);
}
