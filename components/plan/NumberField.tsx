"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { formatInt } from "@/lib/format";
import { regroupTyped } from "@/lib/views/plan";
import styles from "./plan.module.css";

interface Props {
  id: string;
  label: string;
  /** The committed value (from the URL). */
  value: number;
  min: number;
  max: number;
  unit: string;
  hint?: React.ReactNode;
  onCommit: (value: number) => void;
  testId?: string;
}

const DEBOUNCE_MS = 450;

/**
 * A whole-number input grouped with thousands separators as it is typed. While the reader types, the
 * field shows their text (a draft); a valid number is committed after a pause, on Enter or on leaving
 * the field, and only then reaches the URL — so the URL, not this draft, is the plan's state.
 */
export function NumberField({ id, label, value, min, max, unit, hint, onCommit, testId }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const typed = draft === null ? value : regroupTyped(draft, draft.length).value;
  const error = typed === null ? "값을 입력하세요." : typed < min || typed > max ? `${formatInt(min)}${unit} 이상 ${formatInt(max)}${unit} 이하로 입력하세요.` : null;

  useLayoutEffect(() => {
    if (caret.current !== null && input.current && document.activeElement === input.current) input.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(text: string, done: boolean) {
    clearTimeout(timer.current);
    const n = regroupTyped(text, text.length).value;
    const ok = n !== null && n >= min && n <= max;
    if (ok && n !== value) onCommit(n);
    if (done && ok) setDraft(null);
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
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
          inputMode="numeric"
          autoComplete="off"
          value={draft ?? formatInt(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined}
          onChange={(e) => {
            const next = regroupTyped(e.target.value, e.target.selectionStart ?? e.target.value.length);
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
