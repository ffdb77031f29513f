import type { Sex } from "@/lib/domain";
import { DISTRICTS, findDistrict, findDistrictByStatCode, statCodeOf, type District } from "@/lib/districts";

/** One cell as read: CSV gives strings; XLSX gives numbers, strings or dates (rich text already flattened). */
export type Cell = string | number | Date | null | undefined;

/** Empty, `*` and `-` are suppressed or missing values: they drop out of that indicator's mean only. */
export function isMissing(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  const s = cell.trim();
  return s === "" || s === "*" || s === "-";
}

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number cell: the value, `null` when missing (see isMissing), NaN when it is not a finite number.
 * Negative values pass: several indicators are standardized indices.
 */
export function parseNumber(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : NaN;
  if (cell === null || cell === undefined) return null;
  if (typeof cell !== "string") return NaN;
  let s = cell;
  const c0 = s.charCodeAt(0);
  const cl = s.charCodeAt(s.length - 1);
  if (c0 <= 32 || cl <= 32) s = s.trim();
  if (s === "" || s === "*" || s === "-") return null;
  // Number() accepts "0x1f", "0b1" and "Infinity"; the provider's files never mean those.
  const v = Number(s);
  if (Number.isFinite(v)) return isPlainDecimal(s) ? v : NaN;
  if (GROUPED.test(s)) return Number(s.replaceAll(",", ""));
  return NaN;
}

function isPlainDecimal(s: string): boolean {
  // Fast check: a leading digit, sign or dot and no letters other than an exponent.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43) continue;
    if ((c === 101 || c === 69) && i > 0) continue; // e / E
    return false;
  }
  return true;
}

const SEX_WORDS = new Map<string, Sex>([
  ["1", "M"], ["남", "M"], ["남성", "M"], ["남자", "M"], ["m", "M"], ["male", "M"],
  ["2", "F"], ["여", "F"], ["여성", "F"], ["여자", "F"], ["f", "F"], ["female", "F"],
]);

/** 1 = 남, 2 = 여; also 남/여, 남성/여성, M/F. */
export function parseSex(cell: Cell): Sex | undefined {
  if (cell === null || cell === undefined || cell instanceof Date) return undefined;
  return SEX_WORDS.get(String(cell).normalize("NFC").trim().toLowerCase());
}

/** `age5`: the band as written (20, 25, …; under 20 any whole number), for telling rows apart. */
export type AgeResult = { kind: "band"; age10: number; age5: number } | { kind: "under20"; age5: number } | { kind: "invalid" };

/**
 * The provider's 5-year band (20, 25, …, 75; 75 is the top band; also "20~24세", "75세 이상") folded into
 * the app's 10-year band. Bands under 20 are skipped by the caller.
 */
export function parseAgeBand(cell: Cell): AgeResult {
  let v: number;
  if (typeof cell === "number") v = cell;
  else if (typeof cell === "string") {
    const m = /^\s*(\d{1,3})(?:\.0+)?(?:\s*(?:세|대|~|-|$))/.exec(cell);
    v = m ? Number(m[1]) : NaN;
  } else return { kind: "invalid" };
  if (!Number.isInteger(v) || v < 0) return { kind: "invalid" };
  if (v < 20) return { kind: "under20", age5: v };
  if (v > 75 || v % 5 !== 0) return { kind: "invalid" };
  return { kind: "band", age10: Math.floor(v / 10) * 10, age5: v };
}

/** Result of reading a district: a district, a 5-digit code that is valid in both numbering schemes, or nothing. */
export type DistrictResult = { kind: "district"; district: District; code?: string } | { kind: "ambiguous"; code: string } | { kind: "unknown" };

const adminCodes = new Set(DISTRICTS.map((d) => d.code));
/** Codes that are one district's administrative code and another's statistics code (11110 종로구 / 노원구 …). */
export const AMBIGUOUS_CODES: readonly string[] = DISTRICTS.map(statCodeOf).filter((c) => adminCodes.has(c));

/** A 자치구 cell: its Korean name (optionally prefixed 서울특별시), slug, or a 5-digit code of either scheme. */
export function parseDistrict(cell: Cell): DistrictResult {
  if (cell === null || cell === undefined || cell instanceof Date) return { kind: "unknown" };
  const s = String(cell).normalize("NFC").trim().replace(/^(서울특별시|서울시|서울)\s*/, "");
  if (/^\d{5}$/.test(s)) return districtByCode(s);
  const d = findDistrict(s);
  return d ? { kind: "district", district: d } : { kind: "unknown" };
}

export function districtByCode(code: string): DistrictResult {
  if (AMBIGUOUS_CODES.includes(code)) return { kind: "ambiguous", code };
  const d = findDistrictByStatCode(code) ?? findDistrict(code);
  return d ? { kind: "district", district: d, code } : { kind: "unknown" };
}

/**
 * 행정동코드: 7 digits is the statistics code (first five: statistics district code, 개포1동 1123068 →
 * 11230 = 강남구); 10 digits is the administrative code (first five: the administrative district code).
 */
export function parseDongCode(cell: Cell): DistrictResult {
  if (cell === null || cell === undefined || cell instanceof Date) return { kind: "unknown" };
  const s = (typeof cell === "number" ? String(cell) : cell).trim();
  let d: District | undefined;
  if (/^\d{7}$/.test(s)) d = findDistrictByStatCode(s.slice(0, 5));
  else if (/^\d{10}$/.test(s)) d = adminCodes.has(s.slice(0, 5)) ? findDistrict(s.slice(0, 5)) : undefined;
  return d ? { kind: "district", district: d } : { kind: "unknown" };
}

/** Resolves an ambiguous 5-digit code once the file's numbering scheme is known. */
export function resolveAmbiguous(code: string, scheme: "admin" | "stat"): District {
  return (scheme === "admin" ? findDistrict(code) : findDistrictByStatCode(code))!;
}

export function schemeOf(code: string): "admin" | "stat" | undefined {
  if (AMBIGUOUS_CODES.includes(code)) return undefined;
  if (adminCodes.has(code)) return "admin";
  return findDistrictByStatCode(code) ? "stat" : undefined;
}
