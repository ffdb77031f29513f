"use client";

import { useState } from "react";
import { SelectControl } from "@/components/SelectControl";
import type { District } from "@/lib/districts";
import type { Age, SegmentKey, Sex } from "@/lib/domain";
import { shortMonthLabel } from "@/lib/format";
import { AGE_OPTIONS, DISTRICT_OPTIONS, SERVICE_OPTIONS, SEX_OPTIONS } from "@/lib/options";
import { codecs } from "@/lib/params";
import type { PlanValues } from "@/lib/params/pages";
import { segmentName } from "@/lib/views/plan";
import { NumberField } from "./NumberField";
import styles from "./plan.module.css";

type Update = (patch: Partial<{ [K in keyof PlanValues]: PlanValues[K] | null }>) => void;

interface Props {
  months: readonly string[];
  values: PlanValues;
  /** The segments planned: the chosen ones or the service's top 10. */
  segments: readonly SegmentKey[];
  update: Update;
}

const MAX_SEGMENTS = 50;
const same = codecs.segment.equals;

/** The plan's inputs. Every change goes to the URL (replace), from which the results are computed. */
export function PlanInputs({ months, values, segments, update }: Props) {
  return (
    <section className={`card ${styles.inputs}`} aria-labelledby="plan-inputs-title">
      <h2 id="plan-inputs-title">계획 조건</h2>
      <div className={`controls ${styles.inputRow}`}>
        <SelectControl id="plan-service" testId="plan-service" label="서비스" value={values.service} options={SERVICE_OPTIONS} onChange={(service) => update({ service })} />
        <NumberField id="plan-budget" testId="plan-budget" label="예산" unit="원" value={values.budget} min={10_000} max={10_000_000_000} onCommit={(budget) => update({ budget })} />
        <NumberField
          id="plan-cpm"
          testId="plan-cpm"
          label="CPM (노출 1,000회당 단가)"
          unit="원"
          value={values.cpm}
          min={100}
          max={1_000_000}
          hint="예시 값입니다. 매체와 계약한 실제 단가로 바꾸세요."
          onCommit={(cpm) => update({ cpm })}
        />
        <NumberField id="plan-cap" testId="plan-cap" label="빈도 상한 (1인당 월 노출)" unit="회" value={values.cap} min={1} max={100} onCommit={(cap) => update({ cap })} />
      </div>
      <MonthToggles months={months} chosen={values.months} onChange={(m) => update({ months: m })} />
      <SegmentsEditor segments={segments} chosen={values.segments !== undefined} onChange={(s) => update({ segments: s })} />
    </section>
  );
}

function MonthToggles({ months, chosen, onChange }: { months: readonly string[]; chosen: readonly string[]; onChange: (months: string[]) => void }) {
  const all = chosen.length === months.length;
  return (
    <fieldset className={styles.fieldset}>
      <legend>캠페인 기간</legend>
      <div className={styles.toggles} data-testid="plan-months">
        {months.map((m) => {
          const on = chosen.includes(m);
          const last = on && chosen.length === 1;
          return (
            <button
              key={m}
              type="button"
              className={styles.toggle}
              aria-pressed={on}
              data-month={m}
              // The last chosen month stays: a campaign has at least one.
              disabled={last}
              title={last ? "최소 한 달은 골라야 합니다" : undefined}
              onClick={() => onChange(on ? chosen.filter((x) => x !== m) : [...chosen, m].sort())}
            >
              {shortMonthLabel(m, new Set(months.map((x) => x.slice(0, 4))).size > 1)}
            </button>
          );
        })}
        <button type="button" className="button-secondary" disabled={all} onClick={() => onChange([...months])}>
          전체 기간
        </button>
      </div>
    </fieldset>
  );
}

function SegmentsEditor({ segments, chosen, onChange }: { segments: readonly SegmentKey[]; chosen: boolean; onChange: (segments: SegmentKey[] | null) => void }) {
  const [pick, setPick] = useState<{ district: District; sex: Sex; age: Age }>({ district: DISTRICT_OPTIONS[0]!.value, sex: "F", age: 20 });
  const candidate: SegmentKey = pick;
  const present = segments.some((s) => same(s, candidate));
  const full = segments.length >= MAX_SEGMENTS;
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        고객층 {segments.length}개{chosen ? "" : " (기본값: 이 서비스를 가장 많이 쓰는 상위 10개)"}
      </legend>
      <ul className={styles.segmentList} data-testid="plan-segments">
        {segments.map((s) => {
          const name = segmentName({ district: s.district, sex: s.sex, age: s.age });
          return (
            <li key={codecs.segment.serialize(s)} data-segment={codecs.segment.serialize(s)}>
              <span>{name}</span>
              <button
                type="button"
                className={styles.remove}
                aria-label={`${name} 빼기`}
                disabled={segments.length === 1}
                onClick={() => onChange(segments.filter((x) => !same(x, s)))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className={`controls ${styles.addRow}`}>
        <SelectControl id="plan-add-district" label="자치구" value={pick.district} options={DISTRICT_OPTIONS} serialize={codecs.district.serialize} onChange={(district) => setPick({ ...pick, district })} />
        <SelectControl id="plan-add-sex" label="성별" value={pick.sex} options={SEX_OPTIONS} onChange={(sex) => setPick({ ...pick, sex })} />
        <SelectControl id="plan-add-age" label="연령대" value={pick.age} options={AGE_OPTIONS} onChange={(age) => setPick({ ...pick, age })} />
        <button type="button" className="button-secondary" data-testid="plan-add" disabled={present || full} onClick={() => onChange([...segments, candidate])}>
          고객층 추가
        </button>
        {chosen ? (
          <button type="button" className="button-secondary" onClick={() => onChange(null)}>
            기본값(상위 10개)으로
          </button>
        ) : null}
      </div>
      <p className={styles.hint} aria-live="polite">
        {present ? "이미 목록에 있는 고객층입니다." : full ? `고객층은 ${MAX_SEGMENTS}개까지 넣을 수 있습니다.` : ""}
      </p>
    </fieldset>
  );
}
