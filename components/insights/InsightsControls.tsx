"use client";

import { SelectControl } from "@/components/SelectControl";
import type { Age, SexFilter } from "@/lib/domain";
import { AGE_OPTIONS, SEX_FILTER_OPTIONS } from "@/lib/options";

interface Props {
  age: Age;
  sex: SexFilter;
  onChange: (next: Partial<{ age: Age; sex: SexFilter }>) => void;
}

/** 연령대 and 성별 for the whole page; each change is written to the URL by the parent. */
export function InsightsControls({ age, sex, onChange }: Props) {
  return (
    <form className="card controls" aria-label="분석 대상 선택" onSubmit={(e) => e.preventDefault()}>
      <SelectControl id="insights-age" label="연령대" value={age} options={AGE_OPTIONS} onChange={(a) => onChange({ age: a })} />
      <SelectControl id="insights-sex" label="성별" value={sex} options={SEX_FILTER_OPTIONS} onChange={(s) => onChange({ sex: s })} />
    </form>
  );
}
