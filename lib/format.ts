import { ageLabel, SEX_LABELS, SERVICE_BY_ID, type Age, type ServiceId, type SexFilter } from "./domain";

/**
 * Display formatting shared by pages, tables and CSVs, so all three say the same thing. Every negative
 * number is written with the minus sign U+2212 (never the hyphen "-" that Intl and toFixed give), and a
 * value that rounds to zero is written without a sign.
 */
export const MINUS = "\u2212";

const formats = new Map<number, Intl.NumberFormat>();

/** n with thousands separators and exactly `digits` decimals, negatives with U+2212. */
export function formatNumber(n: number, digits = 0): string {
  let f = formats.get(digits);
  if (!f)
    formats.set(
      digits,
      (f = new Intl.NumberFormat("ko-KR", { minimumFractionDigits: digits, maximumFractionDigits: digits })),
    );
  const s = f.format(Math.abs(n));
  return n < 0 && Number(Math.abs(n).toFixed(digits)) !== 0 ? `${MINUS}${s}` : s;
}

export function formatInt(n: number): string {
  return formatNumber(n, 0);
}

/** A plain decimal (no sign for positives): "0.42", "−0.42". */
export function formatDecimal(n: number, digits = 2): string {
  return formatNumber(n, digits);
}

/** A z-score or r with a sign, two decimals: "+1.44", "−0.63". */
export function formatSigned(n: number | null, digits = 2): string {
  if (n === null) return "–";
  const s = Math.abs(n).toFixed(digits);
  if (Number(s) === 0) return s;
  return n > 0 ? `+${s}` : `${MINUS}${s}`;
}

/** A value in a service's own unit; indices need more decimals than day counts. */
export function formatUsage(n: number): string {
  return formatNumber(n, usageDigits(n));
}

function usageDigits(n: number): number {
  return Math.abs(n) < 10 ? 3 : 1;
}

const tickFormats = new Map<number, Intl.NumberFormat>();

/**
 * An axis tick in a service's unit: the same precision as formatUsage but without trailing zeros, so
 * a round tick reads "3", not "3.000" (which readers take for three thousand), and "2.5" stays "2.5".
 */
export function formatTick(n: number): string {
  const digits = usageDigits(n);
  let f = tickFormats.get(digits);
  if (!f) tickFormats.set(digits, (f = new Intl.NumberFormat("ko-KR", { maximumFractionDigits: digits })));
  const s = f.format(Math.abs(n));
  return n < 0 && s !== "0" ? `${MINUS}${s}` : s;
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

/**
 * z in words, so readers need not know what a z-score is: the bands, highest first (a z takes the
 * first band it falls in). The method page lists them, so they are stated once.
 */
export const Z_BANDS: readonly { range: string; words: string; test: (z: number) => boolean }[] = [
  { range: "1.5 이상", words: "서울 평균보다 매우 높음", test: (z) => z >= 1.5 },
  { range: "0.5 이상 1.5 미만", words: "서울 평균보다 크게 높음", test: (z) => z >= 0.5 },
  { range: "0.15 초과 0.5 미만", words: "서울 평균보다 약간 높음", test: (z) => z > 0.15 },
  { range: `${MINUS}0.15 이상 0.15 이하`, words: "서울 평균 수준", test: (z) => z >= -0.15 },
  { range: `${MINUS}0.5 초과 ${MINUS}0.15 미만`, words: "서울 평균보다 약간 낮음", test: (z) => z > -0.5 },
  { range: `${MINUS}1.5 초과 ${MINUS}0.5 이하`, words: "서울 평균보다 크게 낮음", test: (z) => z > -1.5 },
  { range: `${MINUS}1.5 이하`, words: "서울 평균보다 매우 낮음", test: () => true },
];

export function describeZ(z: number | null): string {
  if (z === null) return "비교 불가 (모든 세그먼트가 같은 값)";
  return Z_BANDS.find((b) => b.test(z))!.words;
}

/** A difference in a service's own unit, signed: "+1.234", "−0.051" (same digits as formatUsage). */
export function formatUsageDiff(n: number): string {
  const s = formatUsage(n);
  return n > 0 && Number(n.toFixed(usageDigits(n))) !== 0 ? `+${s}` : s;
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
