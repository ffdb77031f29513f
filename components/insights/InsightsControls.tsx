"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { SelectControl } from "@/components/SelectControl";
import type { Age, SexFilter } from "@/lib/domain";
import { AGE_OPTIONS, SEX_FILTER_OPTIONS } from "@/lib/options";
import { shapeParsers } from "@/lib/params/nuqs";
import { insightsPage } from "@/lib/params/pages";
import type { InsightMetric } from "@/lib/params/values";
import { METRIC_OPTIONS } from "@/lib/views/insights";
import styles from "./insights.module.css";

const parsers = shapeParsers(insightsPage);

function Pending({ pending }: { pending: boolean }) {
  return (
    <p className={styles.status} role="status" aria-live="polite">
      {pending ? "새 보기를 불러오는 중…" : ""}
    </p>
  );
}

/** 연령대 and 성별 for the whole page: written to the URL; the server renders the new view. */
export function InsightsControls({ age, sex }: { age: Age; sex: SexFilter }) {
  const [pending, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(parsers, { startTransition });
  return (
    <>
      <form className="card controls" aria-label="분석 대상 선택" onSubmit={(e) => e.preventDefault()}>
        <SelectControl
          id="insights-age"
          label="연령대"
          value={age}
          options={AGE_OPTIONS}
          onChange={(a) => void setUrl({ age: a })}
        />
        <SelectControl
          id="insights-sex"
          label="성별"
          value={sex}
          options={SEX_FILTER_OPTIONS}
          onChange={(s) => void setUrl({ sex: s })}
        />
      </form>
      <Pending pending={pending} />
    </>
  );
}

/** The map's metric: average age, population, or one service's district effect. */
export function MetricSelect({ metric }: { metric: InsightMetric }) {
  const [pending, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(parsers, { startTransition });
  return (
    <>
      <SelectControl
        id="insights-metric"
        label="지도 지표"
        className={styles.metricControl}
        value={metric}
        options={METRIC_OPTIONS}
        onChange={(m) => void setUrl({ metric: m })}
      />
      <Pending pending={pending} />
    </>
  );
}
