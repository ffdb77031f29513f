import type { Sex } from "@/lib/domain";

/** One cell as read: CSV gives strings; XLSX gives numbers, strings or dates (rich text already flattened). */
export type Cell = string | number | Date | null | undefined;

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
  if (Number.isFinite(v)) return isDecimalText(s) ? v : NaN;
  if (GROUPED.test(s)) return Number(s.replaceAll(",", ""));
  return NaN;
}

/** Digits, sign, dot and an exponent only: what Number() reads besides hexadecimal, binary, octal and Infinity. */
export function isDecimalText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43) continue;
    if ((c === 101 || c === 69) && i > 0) continue; // e / E
    return false;
  }
  return true;
}

const SEX_WORDS = new Map<string, Sex>([
  ["1", "M"],
  ["01", "M"],
  ["남", "M"],
  ["남성", "M"],
  ["남자", "M"],
  ["m", "M"],
  ["male", "M"],
  ["2", "F"],
  ["02", "F"],
  ["여", "F"],
  ["여성", "F"],
  ["여자", "F"],
  ["f", "F"],
  ["female", "F"],
]);

/** 1 = 남, 2 = 여 (the 2022 copies write 01/02); also 남/여, 남성/여성, M/F. */
export function parseSex(cell: Cell): Sex | undefined {
  if (cell === null || cell === undefined || cell instanceof Date) return undefined;
  return SEX_WORDS.get(String(cell).normalize("NFC").trim().toLowerCase());
}

/** `age5`: the band as written (20, 25, …; under 20 any whole number), for telling rows apart. */
export type AgeResult =
  { kind: "band"; age10: number; age5: number } | { kind: "under20"; age5: number } | { kind: "invalid" };

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
