import { ageLabel, SEX_LABELS, SERVICE_BY_ID, type Age, type ServiceId, type SexFilter } from "./domain";

/** Display formatting shared by pages, tables and CSVs, so all three say the same thing. */
const intFormat = new Intl.NumberFormat("ko-KR", { maximumFractionDigits: 0 });

export function formatInt(n: number): string {
  return intFormat.format(n);
}

/** A z-score or r with a sign, two decimals: "+1.44", "−0.63". */
export function formatSigned(n: number | null, digits = 2): string {
  if (n === null) return "–";
  const s = Math.abs(n).toFixed(digits);
  return n > 0 ? `+${s}` : n < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/** A value in a service's own unit; indices need more decimals than day counts. */
export function formatUsage(n: number): string {
  const digits = Math.abs(n) < 10 ? 3 : 1;
  return n.toLocaleString("ko-KR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function serviceName(id: ServiceId): string {
  return SERVICE_BY_ID[id].name_ko;
}

export function segmentLabel(districtName: string, sex: SexFilter, age: Age): string {
  return `${districtName} ${ageLabel(age)} ${SEX_LABELS[sex]}`;
}

/** "2023-03" → "2023년 3월". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${y}년 ${Number(m)}월`;
}

/** "2023-03" → "3월" for axes within one year; with the year, "23년 3월". */
export function shortMonthLabel(month: string, withYear = false): string {
  const [y, m] = month.split("-");
  return withYear ? `${y!.slice(2)}년 ${Number(m)}월` : `${Number(m)}월`;
}

/** z in words, so readers need not know what a z-score is. */
export function describeZ(z: number | null): string {
  if (z === null) return "비교 불가 (모든 세그먼트가 같은 값)";
  if (z >= 1.5) return "서울 평균보다 매우 높음";
  if (z >= 0.5) return "서울 평균보다 크게 높음";
  if (z > 0.15) return "서울 평균보다 약간 높음";
  if (z >= -0.15) return "서울 평균 수준";
  if (z > -0.5) return "서울 평균보다 약간 낮음";
  if (z > -1.5) return "서울 평균보다 크게 낮음";
  return "서울 평균보다 매우 낮음";
}

/** A difference in a service's own unit, signed: "+1.234", "−0.051" (same digits as formatUsage). */
export function formatUsageDiff(n: number): string {
  const digits = Math.abs(n) < 10 ? 3 : 1;
  const s = formatUsage(Math.abs(n));
  if (Number(Math.abs(n).toFixed(digits)) === 0) return s;
  return n > 0 ? `+${s}` : `−${s}`;
}

/**
 * A large count in Korean units for headlines: 9,876 → "9,876", 123,456 → "12.3만", 1,234,567 →
 * "123만", 150,000,000 → "1.5억". Rounded, so show the exact figure (formatInt) beside it or on hover.
 */
export function formatKoreanUnits(n: number): string {
  const abs = Math.abs(n);
  const sign = (s: string) => (n < 0 && s !== "0" ? `\u2212${s}` : s);
  if (Math.round(abs) < 10_000) return sign(formatInt(abs));
  const inMan = abs / 10_000;
  const manDigits = inMan < 100 ? 1 : 0;
  const man = roundTo(inMan, manDigits);
  // 9,999.6만 rounds to 10,000만: that is 1억.
  if (man < 10_000) return sign(`${new Intl.NumberFormat("ko-KR", { maximumFractionDigits: manDigits }).format(man)}만`);
  const inEok = abs / 100_000_000;
  const eokDigits = inEok < 100 ? 2 : 0;
  return sign(`${new Intl.NumberFormat("ko-KR", { maximumFractionDigits: eokDigits }).format(roundTo(inEok, eokDigits))}억`);
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
