"use client";

import { useEffect, useRef, useState } from "react";

type Outcome = { kind: "copied" } | { kind: "manual"; url: string };

/**
 * "링크 복사": copies the page's URL, which holds the whole view (every choice is a URL parameter).
 * The Clipboard API needs a secure context and permission; where it is missing or refused, the link
 * appears in a selected read-only field to copy by hand (the legacy copy command is tried on it too).
 * The outcome is announced in a status region.
 */
export function CopyLinkButton() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (outcome?.kind === "manual") field.current?.select();
  }, [outcome]);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const url = window.location.href;
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no Clipboard API");
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: "copied" });
      timer.current = setTimeout(() => setOutcome(null), 4000);
    } catch {
      setOutcome({ kind: "manual", url });
    }
  }

  function copySelected(input: HTMLInputElement) {
    input.select();
    // Deprecated but still the only synchronous way where the Clipboard API is refused.
    if (document.execCommand?.("copy")) {
      setOutcome({ kind: "copied" });
      timer.current = setTimeout(() => setOutcome(null), 4000);
    }
  }

  const message =
    outcome?.kind === "copied"
      ? "이 화면의 링크를 복사했습니다."
      : outcome?.kind === "manual"
        ? "자동으로 복사하지 못했습니다. 아래 링크를 복사해 쓰세요."
        : "";
  return (
    <div className="copy-link">
      <button type="button" className="copy-link-button" onClick={copy} data-testid="copy-link">
        링크 복사
      </button>
      {/* Always in the page (empty when idle) so screen readers announce each new message. */}
      <div className="copy-link-popover" data-open={outcome ? "" : undefined}>
        <p role="status" className="copy-link-status" data-testid="copy-link-status">
          {message}
        </p>
        {outcome?.kind === "manual" ? (
          <div className="copy-link-manual">
            <label htmlFor="copy-link-url" className="visually-hidden">
              이 화면의 링크
            </label>
            <input
              id="copy-link-url"
              ref={field}
              readOnly
              value={outcome.url}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="copy-link-url"
            />
            <button
              type="button"
              className="button-secondary"
              onClick={() => field.current && copySelected(field.current)}
            >
              복사
            </button>
            <button type="button" className="button-secondary" onClick={() => setOutcome(null)}>
              닫기
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
