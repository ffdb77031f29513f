"use client";

import { useState } from "react";
import { SelectControl } from "@/components/SelectControl";
import type { District } from "@/lib/districts";
import { isDongSegment, type Age, type AnySegment, type SegmentKey, type Sex } from "@/lib/domain";
import { shortMonthLabel } from "@/lib/format";
import { AGE_OPTIONS, DISTRICT_OPTIONS, SERVICE_OPTIONS, SEX_OPTIONS } from "@/lib/options";
import { codecs } from "@/lib/params";
import type { PlanValues } from "@/lib/params/pages";
import { REACHABLE_SENTENCE, segmentName, SHAPE_SENTENCE } from "@/lib/views/plan";
import { readAmountInput, readDecimalInput, readIntegerInput } from "@/lib/views/plan-inputs";
import { NumberField } from "./NumberField";
import styles from "./plan.module.css";

type Update = (patch: Partial<{ [K in keyof PlanValues]: PlanValues[K] | null }>) => void;

interface Props {
  months: readonly string[];
  /** Doubtful months, marked ⚠ (the reason is stated in the page's period control). */
  flagged: readonly string[];
  values: PlanValues;
  /** The segments planned: the chosen ones or the service's top 10 (none after "모두 지우기"). */
  segments: readonly AnySegment[];
  /** 행정동 segments' names by id (the 행정동 are the dataset's; the server names them). */
  labels: Readonly<Record<string, string>>;
  /** Where more 행정동 segments are picked (the /audience table at the 행정동 grain, with these). */
  dongAudienceHref: string;
  /** True when the list was cleared and nothing added yet. */
  cleared: boolean;
  update: Update;
  onClear: () => void;
  onValidity: (id: string, valid: boolean) => void;
}

const MAX_SEGMENTS = 50;
const same = codecs.anySegment.equals;
const decimal = (n: number) => String(n);

/** The plan's inputs. Every change goes to the URL (replace), from which the results are computed. */
export function PlanInputs({
  months,
  flagged,
  values,
  segments,
  labels,
  dongAudienceHref,
  cleared,
  update,
  onClear,
  onValidity,
}: Props) {
  return (
    <section className={`card ${styles.inputs}`} aria-labelledby="plan-inputs-title">
      <h2 id="plan-inputs-title">계획 조건</h2>
      <div className={`controls ${styles.inputRow}`}>
        <SelectControl
          id="plan-service"
          testId="plan-service"
          label="서비스"
          value={values.service}
          options={SERVICE_OPTIONS}
          onChange={(service) => update({ service })}
        />
        <NumberField
          id="plan-budget"
          testId="plan-budget"
          label="예산"
          unit="원"
          value={values.budget}
          read={(t) => readAmountInput(t, 10_000, 10_000_000_000)}
          hint="30,000,000 · 3천만원 · 0.3억처럼 입력할 수 있습니다."
          onCommit={(budget) => update({ budget })}
          onValidity={onValidity}
        />
        <NumberField
          id="plan-cpm"
          testId="plan-cpm"
          label="CPM (노출 1,000회당 단가)"
          unit="원"
          value={values.cpm}
          read={(t) => readAmountInput(t, 100, 1_000_000)}
          hint="예시 값입니다. 매체와 계약한 실제 단가로 바꾸세요."
          onCommit={(cpm) => update({ cpm })}
          onValidity={onValidity}
        />
        <NumberField
          id="plan-cap"
          testId="plan-cap"
          label="빈도 상한 (1인당 월 노출)"
          unit="회"
          value={values.cap}
          read={(t) => readIntegerInput(t, 1, 100, "회")}
          onCommit={(cap) => update({ cap })}
          onValidity={onValidity}
        />
      </div>
      <fieldset className={styles.fieldset}>
        <legend>도달 추정 가정 (직접 정하세요)</legend>
        <div className={`controls ${styles.inputRow}`}>
          <NumberField
            id="plan-reachable"
            testId="plan-reachable"
            label="도달 가능 비율"
            unit="%"
            decimal
            format={decimal}
            value={values.reachable}
            read={(t) => readDecimalInput(t, 1, 100, "%")}
            hint={REACHABLE_SENTENCE}
            onCommit={(reachable) => update({ reachable })}
            onValidity={onValidity}
          />
          <NumberField
            id="plan-shape"
            testId="plan-shape"
            label="노출 분포 모양 k"
            unit=""
            decimal
            format={decimal}
            value={values.shape}
            read={(t) => readDecimalInput(t, 0.1, 100, "")}
            hint={SHAPE_SENTENCE}
            onCommit={(shape) => update({ shape })}
            onValidity={onValidity}
          />
        </div>
      </fieldset>
      <MonthToggles months={months} flagged={flagged} chosen={values.months} onChange={(m) => update({ months: m })} />
      <SegmentsEditor
        segments={segments}
        labels={labels}
        dongAudienceHref={dongAudienceHref}
        chosen={values.segments !== undefined || cleared}
        onChange={(s) => update({ segments: s })}
        onClear={onClear}
      />
    </section>
  );
}

function MonthToggles({
  months,
  flagged,
  chosen,
  onChange,
}: {
  months: readonly string[];
  flagged: readonly string[];
  chosen: readonly string[];
  onChange: (months: string[]) => void;
}) {
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
              {flagged.includes(m) ? " ⚠" : ""}
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

function SegmentsEditor({
  segments,
  labels,
  dongAudienceHref,
  chosen,
  onChange,
  onClear,
}: {
  segments: readonly AnySegment[];
  labels: Readonly<Record<string, string>>;
  dongAudienceHref: string;
  /** False while the list is the service's top 10 by default. */
  chosen: boolean;
  onChange: (segments: AnySegment[] | null) => void;
  onClear: () => void;
}) {
  // A plan is of one grain: 행정동 segments are removed here and picked on the /audience 행정동 table.
  const dongs = segments.some(isDongSegment);
  const [pick, setPick] = useState<{ district: District; sex: Sex; age: Age }>({
    district: DISTRICT_OPTIONS[0]!.value,
    sex: "F",
    age: 20,
  });
  const candidate: SegmentKey = pick;
  const present = segments.some((s) => same(s, candidate));
  const full = segments.length >= MAX_SEGMENTS;
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        고객층 {segments.length}개{chosen ? "" : " (기본값: 이 서비스를 가장 많이 쓰는 상위 10개)"}
      </legend>
      {segments.length === 0 ? (
        <p className={styles.error} data-testid="plan-no-segments">
          고객층이 없습니다. 아래에서 하나 이상 추가하세요.
        </p>
      ) : null}
      <ul className={styles.segmentList} data-testid="plan-segments">
        {segments.map((s) => {
          const id = codecs.anySegment.serialize(s);
          const name = isDongSegment(s)
            ? (labels[id] ?? id)
            : segmentName({ district: s.district, sex: s.sex, age: s.age });
          return (
            <li key={id} data-segment={id}>
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
      {dongs ? (
        <p className={styles.hint} data-testid="plan-dong-note">
          행정동 고객층으로 세운 계획입니다(z와 달별 z는 서울 행정동 고객층 전체 기준).{" "}
          <a href={dongAudienceHref}>행정동 오디언스에서 고객층 바꾸기</a>
        </p>
      ) : (
        <div className={`controls ${styles.addRow}`}>
          <SelectControl
            id="plan-add-district"
            label="자치구"
            value={pick.district}
            options={DISTRICT_OPTIONS}
            serialize={codecs.district.serialize}
            onChange={(district) => setPick({ ...pick, district })}
          />
          <SelectControl
            id="plan-add-sex"
            label="성별"
            value={pick.sex}
            options={SEX_OPTIONS}
            onChange={(sex) => setPick({ ...pick, sex })}
          />
          <SelectControl
            id="plan-add-age"
            label="연령대"
            value={pick.age}
            options={AGE_OPTIONS}
            onChange={(age) => setPick({ ...pick, age })}
          />
          {/* On the default list, adding says so: it keeps the top 10 and adds one, rather than starting over. */}
          <button
            type="button"
            className="button-secondary"
            data-testid="plan-add"
            disabled={present || full}
            onClick={() => onChange([...segments, candidate])}
          >
            {chosen ? "고객층 추가" : "상위 10개에 추가"}
          </button>
          <button
            type="button"
            className="button-secondary"
            data-testid="plan-clear"
            disabled={segments.length === 0}
            onClick={onClear}
          >
            모두 지우기
          </button>
          {chosen ? (
            <button type="button" className="button-secondary" onClick={() => onChange(null)}>
              기본값(상위 10개)으로
            </button>
          ) : null}
        </div>
      )}
      <p className={styles.hint} aria-live="polite">
        {present
          ? "이미 목록에 있는 고객층입니다."
          : full
            ? `고객층은 ${MAX_SEGMENTS}개까지 넣을 수 있습니다.`
            : chosen
              ? ""
              : "지금 목록은 기본값입니다. 고른 고객층만으로 계획하려면 먼저 ‘모두 지우기’를 누르세요."}
      </p>
    </fieldset>
  );
}
