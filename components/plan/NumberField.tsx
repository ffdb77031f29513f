"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { formatInt } from "@/lib/format";
import { needsEcho, type FieldReading } from "@/lib/views/plan-inputs";
import { regroupTyped } from "@/lib/views/plan";
import styles from "./plan.module.css";

interface Props {
  id: string;
  label: string;
  /** The committed value (from the URL). */
  value: number;
  unit: string;
  /** Reads the typed text as the URL's codec would, with a Korean message when it cannot. */
  read: (text: string) => FieldReading;
  /** The committed value as the field shows it; digits are regrouped with separators as they are typed. */
  format?: (value: number) => string;
  /** Decimals (assumptions) are typed as they are; amounts and counts are regrouped while typing. */
  decimal?: boolean;
  hint?: React.ReactNode;
  onCommit: (value: number) => void;
  /** Told whether the typed text is valid, so the results can be marked stale while it is not. */
  onValidity: (id: string, valid: boolean) => void;
  testId?: string;
}

const DEBOUNCE_MS = 450;

/**
 * A number input. While the reader types, the field shows their text (a draft); a valid value is
 * committed after a pause, on Enter or on leaving the field, and only then reaches the URL — so the
 * URL, not this draft, is the plan's state. Amounts may be typed in Korean units (3천만원); the field
 * then says what it read ("= 30,000,000원").
 */
export function NumberField({
  id,
  label,
  value,
  unit,
  read,
  format = formatInt,
  decimal,
  hint,
  onCommit,
  onValidity,
  testId,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reading: FieldReading = draft === null ? { ok: true, value } : read(draft);
  const error = reading.ok ? null : reading.message;
  const echo = draft !== null && reading.ok && needsEcho(draft) ? `= ${formatInt(reading.value)}${unit}` : null;

  useLayoutEffect(() => {
    if (caret.current !== null && input.current && document.activeElement === input.current)
      input.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => onValidity(id, error === null), [id, error, onValidity]);

  function commit(text: string, done: boolean) {
    clearTimeout(timer.current);
    const r = read(text);
    if (r.ok && r.value !== value) onCommit(r.value);
    if (done && r.ok) setDraft(null);
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const echoId = `${id}-echo`;
  return (
    <div className={`control ${styles.numberControl}`}>
      <label htmlFor={id}>{label}</label>
      <div className={styles.numberInput}>
        <input
          ref={input}
          id={id}
          name={id}
          data-testid={testId}
          type="text"
          inputMode={decimal ? "decimal" : "text"}
          autoComplete="off"
          value={draft ?? format(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint ? hintId : "", error ? errorId : "", echo ? echoId : ""].filter(Boolean).join(" ") || undefined
          }
          onChange={(e) => {
            const text = e.target.value;
            // Plain digits are regrouped as they are typed, keeping the caret after the same digit;
            // Korean units and decimals are left as typed.
            const next =
              !decimal && !needsEcho(text)
                ? regroupTyped(text, e.target.selectionStart ?? text.length)
                : { text, caret: null };
            caret.current = next.caret;
            setDraft(next.text);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commit(next.text, false), DEBOUNCE_MS);
          }}
          onBlur={() => {
            if (draft !== null) commit(draft, true);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && draft !== null) commit(draft, false);
          }}
        />
        <span className={styles.unit} aria-hidden="true">
          {unit}
        </span>
      </div>
      {echo ? (
        <p id={echoId} className={styles.echo} data-testid={testId ? `${testId}-echo` : undefined}>
          {echo}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
