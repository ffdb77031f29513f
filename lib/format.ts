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

const MAN = 10_000;
const EOK = 100_000_000;

/**
 * A large amount the way Korean readers say it, in 만 and 억: rounded to the nearest 만 from 10만 up
 * (50,000,000 → "5,000만", 123,456,789 → "1억 2,346만", 9,036,295 → "904만"), exact below that
 * (34,567 → "34,567"). For headlines only: the exact figure (formatInt) goes in the table and on hover.
 * A unit is spaced after 만/억 and attached to digits, as Korean is written: "5,000만 원", "34,567원".
 */
export function formatKoreanAmount(n: number, unit = ""): string {
  const amount = koreanAmount(n);
  return unit === "" ? amount : /[만억]$/.test(amount) ? `${amount} ${unit}` : `${amount}${unit}`;
}

function koreanAmount(n: number): string {
  if (!Number.isFinite(n)) return "–";
  const abs = Math.abs(n);
  const rounded = abs < 10 * MAN ? Math.round(abs) : Math.round(abs / MAN) * MAN;
  if (rounded === 0) return "0";
  const sign = n < 0 ? "−" : "";
  if (rounded < 10 * MAN) return sign + formatInt(rounded);
  const eok = Math.floor(rounded / EOK);
  const man = Math.round((rounded % EOK) / MAN);
  return sign + [eok ? `${formatInt(eok)}억` : "", man ? `${formatInt(man)}만` : ""].filter(Boolean).join(" ");
}

/** Whole won with thousands separators: "50,000,000원". Fractions of a won are rounded. */
export function formatWon(n: number): string {
  const r = Math.round(n) || 0; // no "−0원"
  return r < 0 ? `−${formatInt(-r)}원` : `${formatInt(r)}원`;
}
