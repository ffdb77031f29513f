import path from "node:path";
import type { Cell } from "./values";

export type MonthResult = { month: string } | { error: string };

function ym(year: number, month: number): string | undefined {
  if (year < 2000 || year > 2099 || month < 1 || month > 12) return undefined;
  return `${year}-${String(month).padStart(2, "0")}`;
}

const AMBIGUOUS_DECIMAL =
  "is a decimal number, which is ambiguous (2023.1 may be January or October); write the month as 202310, 2023-10 or text";

/**
 * A month cell (기준연월 / 기준년월 / 년월): `202310`, `2023-10`, `2023.10`, `2023년 10월`, a date, or an
 * integer 202310. A bare decimal number is refused: Excel turns 2023.10 into 2023.1. CSV cells are
 * untyped, so there `2023.1` (one digit after the dot) is refused for the same reason.
 */
export function parseMonthCell(cell: Cell, untyped: boolean): MonthResult {
  if (cell instanceof Date) {
    const m = ym(cell.getUTCFullYear(), cell.getUTCMonth() + 1);
    return m ? { month: m } : { error: "is not a month" };
  }
  if (typeof cell === "number") {
    if (!Number.isInteger(cell)) return { error: AMBIGUOUS_DECIMAL };
    return fromDigits(String(cell));
  }
  if (cell === null || cell === undefined) return { error: "is empty" };
  const s = cell.normalize("NFC").trim();
  if (/^\d{6}(\d{2})?$/.test(s)) return fromDigits(s);
  if (untyped && /^\d{4}\.\d$/.test(s)) return { error: AMBIGUOUS_DECIMAL };
  const m = /^(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*월?(?:\s*[-./]\s*\d{1,2}\s*일?)?\.?$/.exec(s);
  const month = m ? ym(Number(m[1]), Number(m[2])) : undefined;
  return month ? { month } : { error: "is not a month (expected e.g. 202310 or 2023-10)" };
}

function fromDigits(s: string): MonthResult {
  const month = /^\d{6}(\d{2})?$/.test(s) ? ym(Number(s.slice(0, 4)), Number(s.slice(4, 6))) : undefined;
  return month ? { month } : { error: "is not a month (expected e.g. 202310 or 2023-10)" };
}

/** The month in a file name: `2023.1월_29개 통신정보.xlsx`, `2023년 10월`, `202301`, `2023-01`. */
export function monthFromFileName(file: string): string | undefined {
  const name = path.basename(file).normalize("NFC");
  const withWol = /(?<!\d)(20\d{2})\s*(?:[-._ ]|년)?\s*(\d{1,2})\s*월/.exec(name);
  if (withWol) return ym(Number(withWol[1]), Number(withWol[2]));
  const digits = /(?<!\d)(20\d{2})[-._]?(0[1-9]|1[0-2])(?!\d)/.exec(name);
  return digits ? ym(Number(digits[1]), Number(digits[2])) : undefined;
}
