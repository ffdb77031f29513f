"use client";

import { DISTRICTS } from "@/lib/districts";
import { AGES, SEXES, SEX_LABELS, ageLabel, type Age, type Sex } from "@/lib/domain";
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
      <div className="control">
        <label htmlFor="segment-district">자치구</label>
        <select id="segment-district" name="district" value={district} onChange={(e) => onChange({ district: e.target.value })}>
          {DISTRICTS.map((d) => (
            <option key={d.code} value={d.slug}>
              {d.name_ko}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor="segment-sex">성별</label>
        <select id="segment-sex" name="sex" value={sex} onChange={(e) => onChange({ sex: e.target.value as Sex })}>
          {SEXES.map((s) => (
            <option key={s} value={s}>
              {SEX_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor="segment-age">연령대</label>
        <select id="segment-age" name="age" value={age} onChange={(e) => onChange({ age: Number(e.target.value) as Age })}>
          {AGES.map((a) => (
            <option key={a} value={a}>
              {ageLabel(a)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
