"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { SelectControl } from "@/components/SelectControl";
import { AGE_OPTIONS, DISTRICT_OPTIONS, SEX_OPTIONS } from "@/lib/options";
import { shapeParsers } from "@/lib/params/nuqs";
import { segmentPage } from "@/lib/params/pages";
import styles from "./segment.module.css";

const { district, sex, age } = shapeParsers(segmentPage);
const parsers = { district, sex, age };
const CHOOSE = "";

/**
 * The segment picker: 자치구, 성별, 연령대, read from and written to the URL. The server renders the
 * view for the new URL; until it arrives the status line says so and the old view is dimmed.
 */
export function SegmentControls() {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(parsers, { startTransition });
  // Each has a default in segmentPage, so nuqs never gives null here; the types can't tell.
  const current = {
    district: state.district ?? segmentPage.district.default!,
    sex: state.sex ?? segmentPage.sex.default!,
    age: state.age ?? segmentPage.age.default!,
  };
  return (
    <form
      className={`card controls ${styles.controls}`}
      aria-label="고객층 선택"
      onSubmit={(e) => e.preventDefault()}
      data-pending={pending || undefined}
    >
      <SelectControl
        id="segment-district"
        label="자치구"
        value={current.district}
        options={DISTRICT_OPTIONS}
        serialize={segmentPage.district.codec.serialize}
        onChange={(d) => void setState({ district: d })}
      />
      <div className="control">
        <label htmlFor="segment-sex">성별</label>
        {/* A link with sex=T (both) shows "골라 주세요" until one sex is chosen: a segment is one sex. */}
        <select
          id="segment-sex"
          name="segment-sex"
          value={current.sex === "T" ? CHOOSE : current.sex}
          onChange={(e) => {
            const chosen = SEX_OPTIONS.find((o) => o.value === e.target.value);
            if (chosen) void setState({ sex: chosen.value });
          }}
        >
          {current.sex === "T" ? (
            <option value={CHOOSE} disabled>
              성별을 골라 주세요
            </option>
          ) : null}
          {SEX_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <SelectControl
        id="segment-age"
        label="연령대"
        value={current.age}
        options={AGE_OPTIONS}
        onChange={(a) => void setState({ age: a })}
      />
      <p role="status" aria-live="polite" className={styles.status}>
        {pending ? "새 고객층의 데이터를 불러오는 중…" : ""}
      </p>
    </form>
  );
}
