"use client";

import { SelectControl } from "@/components/SelectControl";
import type { Age, Sex } from "@/lib/domain";
import { AGE_OPTIONS, DISTRICT_OPTIONS, SEX_OPTIONS } from "@/lib/options";
import styles from "./segment.module.css";

interface Props {
  district: string;
  sex: Sex;
  age: Age;
  onChange: (next: Partial<{ district: string; sex: Sex; age: Age }>) => void;
}

/** The segment picker: 자치구, 성별, 연령대. Each change is written to the URL by the parent. */
export function SegmentControls({ district, sex, age, onChange }: Props) {
  return (
    <form className={`card controls ${styles.controls}`} aria-label="고객층 선택" onSubmit={(e) => e.preventDefault()}>
      <SelectControl id="segment-district" label="자치구" value={district} options={DISTRICT_OPTIONS} onChange={(d) => onChange({ district: d })} />
      <SelectControl id="segment-sex" label="성별" value={sex} options={SEX_OPTIONS} onChange={(s) => onChange({ sex: s })} />
      <SelectControl id="segment-age" label="연령대" value={age} options={AGE_OPTIONS} onChange={(a) => onChange({ age: a })} />
    </form>
  );
}
