"use client";

import { AGES, SEX_LABELS, ageLabel, type Age, type SexFilter } from "@/lib/domain";

/** 전체 first: it is the default. */
const SEX_ORDER: readonly SexFilter[] = ["T", "F", "M"];

interface Props {
  age: Age;
  sex: SexFilter;
  onChange: (next: Partial<{ age: Age; sex: SexFilter }>) => void;
}

/** 연령대 and 성별 for the whole page; each change is written to the URL by the parent. */
export function InsightsControls({ age, sex, onChange }: Props) {
  return (
    <form className="card controls" aria-label="분석 대상 선택" onSubmit={(e) => e.preventDefault()}>
      <div className="control">
        <label htmlFor="insights-age">연령대</label>
        <select id="insights-age" name="age" value={age} onChange={(e) => onChange({ age: Number(e.target.value) as Age })}>
          {AGES.map((a) => (
            <option key={a} value={a}>
              {ageLabel(a)}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor="insights-sex">성별</label>
        <select id="insights-sex" name="sex" value={sex} onChange={(e) => onChange({ sex: e.target.value as SexFilter })}>
          {SEX_ORDER.map((s) => (
            <option key={s} value={s}>
              {SEX_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
