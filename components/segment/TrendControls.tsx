"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { BASES, type Basis, type ServiceId } from "@/lib/domain";
import { SERVICE_OPTIONS } from "@/lib/options";
import { shapeParsers } from "@/lib/params/nuqs";
import { segmentPage } from "@/lib/params/pages";
import { BASIS_LABELS } from "@/lib/params/values";
import styles from "./segment.module.css";

const { basis, service } = shapeParsers(segmentPage);
const parsers = { basis, service };
const ALL = "all";

/**
 * The trend chart's switches: 월 합계 / 일평균, and all services as an index or one on its own scale.
 * Both are in the URL; the server redraws the chart's rows and table for the new choice.
 */
export function TrendControls({ services }: { services: readonly ServiceId[] }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(parsers, { startTransition });
  const options = services.map((s) => SERVICE_OPTIONS.find((o) => o.value === s)!);
  return (
    // Controls, not chart: left out of the chart's saved image (components/ImageDownload.tsx).
    <div className={styles.trendControls} data-pending={pending || undefined} data-image-skip>
      <div role="group" aria-label="기준" className={styles.segmented}>
        {BASES.map((b: Basis) => (
          <button
            key={b}
            type="button"
            aria-pressed={state.basis === b}
            data-basis={b}
            onClick={() => void setState({ basis: b })}
          >
            {BASIS_LABELS[b]}
          </button>
        ))}
      </div>
      <div className="control">
        <label htmlFor="trend-view">보기</label>
        <select
          id="trend-view"
          value={state.service ?? ALL}
          onChange={(e) => {
            const v = e.target.value;
            void setState({ service: v === ALL ? null : (options.find((o) => o.value === v)?.value ?? null) });
          }}
        >
          <option value={ALL}>모든 서비스 (추세 지수)</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label} (실제 값)
            </option>
          ))}
        </select>
      </div>
      <p role="status" aria-live="polite" className={styles.status}>
        {pending ? "차트를 다시 그리는 중…" : ""}
      </p>
    </div>
  );
}
