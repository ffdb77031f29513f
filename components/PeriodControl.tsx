import Link from "next/link";
import type { QualityNote } from "@/lib/dataset/quality";
import type { AnalysisWindow } from "@/lib/dataset/types";
import { monthLabel } from "@/lib/format";
import { markedMonthLabel, qualityNoteText, type PeriodPreset } from "@/lib/views/period";
import styles from "./PeriodControl.module.css";

interface PeriodControlProps {
  /** The page's path, for the custom period's form. */
  path: string;
  presets: readonly PeriodPreset[];
  /** Each preset's link: the page's current query with the preset's from/to. */
  hrefOf: (preset: PeriodPreset) => string;
  /** The page's other parameters as written in its canonical query, kept by the custom form. */
  keep: readonly [string, string][];
  window: AnalysisWindow;
  /** Every month of the dataset. */
  months: readonly string[];
  /** All doubtful months of the dataset (marked in the month lists) … */
  allNotes: readonly QualityNote[];
  /** … and those inside the window, stated with their reason. */
  notes: readonly QualityNote[];
}

/**
 * The analysis window, the same control on every page: the presets as links and any from–to as a plain
 * GET form (works without JavaScript), keeping the page's other choices. Doubtful months inside the
 * window are listed with the rule's reason.
 */
export function PeriodControl({ path, presets, hrefOf, keep, window, months, allNotes, notes }: PeriodControlProps) {
  const isCurrent = (p: PeriodPreset) => p.window.from === window.from && p.window.to === window.to;
  return (
    <section className={`card ${styles.period}`} aria-labelledby="period-title" data-testid="period-control">
      <h2 id="period-title" className={styles.title}>
        분석 기간
      </h2>
      <ul className={styles.presets}>
        {presets.map((p) => (
          <li key={p.id}>
            <Link
              href={hrefOf(p)}
              className={styles.preset}
              aria-current={isCurrent(p) ? "true" : undefined}
              data-testid={`period-${p.id}`}
            >
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
      <form method="get" action={path} className={styles.custom} aria-label="기간 직접 고르기">
        {keep.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <MonthSelect name="from" label="시작" value={window.from} months={months} notes={allNotes} />
        <MonthSelect name="to" label="끝" value={window.to} months={months} notes={allNotes} />
        <button type="submit" className="button-secondary">
          기간 적용
        </button>
      </form>
      <p className={styles.current}>
        지금 기간: {monthLabel(window.from)}–{monthLabel(window.to)}
      </p>
      {notes.length ? (
        <ul className={styles.notes} data-testid="quality-notes">
          {notes.map((n) => (
            <li key={n.month}>
              <span aria-hidden="true">⚠ </span>
              의심스러운 달 — {qualityNoteText(n)}. 값은 빼지 않고 ⚠로 표시합니다 (
              <Link href="/method#quality">판단 규칙</Link>).
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One end of the window: every month of the dataset, a doubtful one marked ⚠. */
function MonthSelect({
  name,
  label,
  value,
  months,
  notes,
}: {
  name: "from" | "to";
  label: string;
  value: string;
  months: readonly string[];
  notes: readonly QualityNote[];
}) {
  return (
    <div className="control">
      <label htmlFor={`period-${name}`}>{label}</label>
      <select id={`period-${name}`} name={name} defaultValue={value}>
        {months.map((m) => (
          <option key={m} value={m}>
            {markedMonthLabel(m, notes)}
          </option>
        ))}
      </select>
    </div>
  );
}
