import { formatInt } from "@/lib/format";
import { parseKoreanAmount } from "@/lib/params/amount";

/*
 * /plan's number fields read what is typed with the same rules as the URL's codecs (lib/params), and
 * say what is wrong in Korean. A field with an error keeps the last valid plan on screen, marked stale.
 */

export type FieldReading = { ok: true; value: number } | { ok: false; message: string };

const EXAMPLES = "30,000,000 · 3천만원 · 3,000만 원 · 0.3억";

function inRange(
  value: number,
  min: number,
  max: number,
  unit: string,
  shown: (n: number) => string = formatInt,
): FieldReading {
  return value < min || value > max
    ? { ok: false, message: `${shown(min)}${unit} 이상 ${shown(max)}${unit} 이하로 입력하세요.` }
    : { ok: true, value };
}

/** An amount of won as typed: digits or Korean units (lib/params/amount.ts), within [min, max]. */
export function readAmountInput(text: string, min: number, max: number): FieldReading {
  const t = text.trim();
  if (t === "") return { ok: false, message: "값을 입력하세요." };
  const r = parseKoreanAmount(t);
  if (!r.ok) {
    if (/exponent/.test(r.reason))
      return { ok: false, message: `3e7 같은 지수 표기는 쓸 수 없습니다. ${EXAMPLES}처럼 입력하세요.` };
    if (/won/.test(r.reason))
      return { ok: false, message: `원화 금액만 입력할 수 있습니다. ${EXAMPLES}처럼 입력하세요.` };
    return { ok: false, message: `금액으로 읽을 수 없습니다. ${EXAMPLES}처럼 원 단위로 입력하세요.` };
  }
  return inRange(r.value, min, max, "원");
}

/** A whole number as typed, separators allowed. */
export function readIntegerInput(text: string, min: number, max: number, unit: string): FieldReading {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return { ok: false, message: "값을 입력하세요." };
  if (!/^\d{1,9}$/.test(t)) return { ok: false, message: "정수로 입력하세요." };
  return inRange(Number(t), min, max, unit);
}

/** A plain decimal as typed (72.5), as the reachable and shape codecs accept. */
export function readDecimalInput(text: string, min: number, max: number, unit: string): FieldReading {
  const t = text.trim();
  if (t === "") return { ok: false, message: "값을 입력하세요." };
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(t)) return { ok: false, message: "숫자로 입력하세요(예: 72.5)." };
  return inRange(Number(t), min, max, unit, String);
}

/** True when the typed text is not plain digits: the field then shows what it was read as. */
export function needsEcho(text: string): boolean {
  return !/^[\d,]*$/.test(text.trim());
}

/** The fields by input id, for saying which one holds the plan back. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  "plan-budget": "예산",
  "plan-cpm": "CPM",
  "plan-cap": "빈도 상한",
  "plan-reachable": "도달 가능 비율",
  "plan-shape": "노출 분포 모양",
};

/** Why the results on screen are the previous plan (fields with invalid text, no segments), or null. */
export function staleReason(invalidFields: readonly string[], noSegments: boolean): string | null {
  const parts = invalidFields.map((id) => FIELD_LABELS[id] ?? id).map((label) => `${label} 값이 올바르지 않습니다`);
  if (noSegments) parts.push("고객층이 없습니다");
  return parts.length ? `${parts.join(", ")}. 고칠 때까지 아래 결과와 다운로드는 이전 계획입니다.` : null;
}
