import { MAX_PARAM_LENGTH, type Codec, type CodecResult } from "./codec";

/*
 * Amounts of won as people write them: digits with or without thousands separators (30000000,
 * 30,000,000), or with Korean units (3천만, 3천만원, 3,000만 원, 0.3억, 3억 5천만원). Computed in
 * BigInt decimal fixed point, so 0.3억 is exactly 30,000,000 (0.3 × 1e8 in floating point is not).
 * Exponents (3e7) and other currencies are refused with what is accepted: a planner's typo must not
 * become a different budget.
 */

const SMALL_UNITS: Readonly<Record<string, bigint>> = { 십: 10n, 백: 100n, 천: 1000n };
const BIG_UNITS: Readonly<Record<string, bigint>> = { 만: 10n ** 4n, 억: 10n ** 8n, 조: 10n ** 12n };
/** Decimal places kept while parsing: more than any unit can shift away (0.0001억 is 10,000). */
const SCALE = 12;
const ONE = 10n ** BigInt(SCALE);

// A number: plain digits, or digits grouped by 3 with commas (or _), then an optional decimal part.
const NUMBER = /(\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(?:\.(\d+))?/y;
const UNIT = /[십백천만억조]/y;

const FORMS = "30000000, 30,000,000, 3천만, 3천만원, 3,000만 원, 0.3억, 3억 5천만원";
export const AMOUNT_FORMS = FORMS;

/** Why a written amount is not one, in the API's English; null when the text may be an amount. */
function refusal(text: string): string | null {
  if (/\d\s*[eE]\s*[+-]?\d/.test(text)) return "exponents (3e7) are not accepted; write the digits or use 만/억";
  if (/[$€£¥]|usd|eur|jpy|cny|달러|유로|엔|위안|dollar/i.test(text)) return "only amounts in won (원) are accepted";
  if (/^-|^−/.test(text)) return "not a positive amount";
  if (/\d\s+\d/.test(text)) return "digits separated by a space";
  return null;
}

/**
 * Parses a Korean amount of won into a whole number, or says why it is not one. Units group like
 * spoken Korean: small units (십, 백, 천) build a section, a big unit (만, 억, 조) multiplies it, and
 * each comes in falling order (3억 5천만, not 5천만 3억).
 */
export function parseKoreanAmount(raw: string): CodecResult<number> {
  const why = refusal(raw);
  if (why) return { ok: false, reason: why };
  const text = raw.replace(/\s+/g, "").replace(/^₩/, "").replace(/원$/, "");
  if (text === "") return { ok: false, reason: "no amount" };
  let pos = 0;
  let total = 0n;
  let section = 0n;
  let pending: bigint | null = null;
  let lastSmall = 10n ** 4n;
  let lastBig = 10n ** 16n;
  let sawUnitOrNumber = false;
  while (pos < text.length) {
    NUMBER.lastIndex = pos;
    const num = NUMBER.exec(text);
    if (num) {
      if (pending !== null) return { ok: false, reason: "two numbers in a row" };
      const digits = num[1]!.replace(/[,_]/g, "");
      const frac = (num[2] ?? "").slice(0, SCALE).padEnd(SCALE, "0");
      if ((num[2] ?? "").length > SCALE) return { ok: false, reason: "too many decimal places" };
      pending = BigInt(digits) * ONE + BigInt(frac);
      pos = NUMBER.lastIndex;
      sawUnitOrNumber = true;
      continue;
    }
    UNIT.lastIndex = pos;
    const unit = UNIT.exec(text);
    if (!unit) return { ok: false, reason: `"${text[pos]}" is not part of an amount` };
    const u = unit[0];
    pos = UNIT.lastIndex;
    sawUnitOrNumber = true;
    const small = SMALL_UNITS[u];
    if (small !== undefined) {
      if (small >= lastSmall) return { ok: false, reason: `${u} out of order` };
      section += (pending ?? ONE) * small;
      lastSmall = small;
    } else {
      const big = BIG_UNITS[u]!;
      if (big >= lastBig) return { ok: false, reason: `${u} out of order` };
      section += pending ?? 0n;
      // "만 원" alone is 10,000: a big unit with nothing before it counts one of itself.
      if (section === 0n) section = ONE;
      total += section * big;
      section = 0n;
      lastSmall = 10n ** 4n;
      lastBig = big;
    }
    pending = null;
  }
  if (!sawUnitOrNumber) return { ok: false, reason: "no amount" };
  total += section + (pending ?? 0n);
  if (total % ONE !== 0n) return { ok: false, reason: "not a whole number of won" };
  const value = total / ONE;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: "too large" };
  return { ok: true, value: Number(value) };
}

/** A codec for an amount of won in [min, max], written back as plain digits. */
export function amountCodec(min: number, max: number, what: string): Codec<number> {
  return {
    parse: (raw) => {
      const r = parseKoreanAmount(raw);
      if (!r.ok) return r;
      if (r.value < min || r.value > max) return { ok: false, reason: `out of range (${min}–${max})` };
      return r;
    },
    serialize: (n) => String(n),
    equals: (a, b) => a === b,
    allowed: {
      text: `${what} from ${min} to ${max} won, as digits with or without thousands separators or with Korean units (${FORMS}); no exponents (3e7), no other currencies`,
      form: `${min}–${max}`,
    },
    maxLength: MAX_PARAM_LENGTH,
  };
}
