"use client";

import { useQueryStates } from "nuqs";
import { useState, useTransition } from "react";
import { SelectControl } from "@/components/SelectControl";
import { districtNamed, type District } from "@/lib/districts";
import { grainOf, isDongSegment, unitKind, type Age, type AnySegment, type SegmentKey, type Sex } from "@/lib/domain";
import { AGE_OPTIONS, DISTRICT_OPTIONS, SERVICE_OPTIONS, SEX_OPTIONS } from "@/lib/options";
import { shapeParsers } from "@/lib/params/nuqs";
import { comparePage } from "@/lib/params/pages";
import * as v from "@/lib/params/values";
import { segmentLabel } from "@/lib/format";
import styles from "./compare.module.css";

const parsers = shapeParsers(comparePage);
const BASIS_OPTIONS = v.BASES.map((b) => ({ value: b, label: v.BASIS_LABELS[b] }));

interface Props {
  /** The segments the server shows (a partly bad link's valid ones), in column order, with their labels. */
  shown: { id: string; label: string }[];
  /** Where 행정동 segments are picked (the /audience table at the 행정동 grain). */
  dongAudienceHref: string;
}

const MAX = 4;

/**
 * The compare page's controls: the trend's service and basis, and the segments — remove one (while
 * more than two remain), replace one, or add one (up to four) from a district/sex/age picker. Each
 * change is pushed to the URL and the server renders the comparison for it.
 */
export function CompareControls({ shown, dongAudienceHref }: Props) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(parsers, { startTransition });
  const service = state.service ?? comparePage.service.default!;
  const basis = state.basis ?? comparePage.basis.default!;
  // The URL's list as soon as it changes (a second edit must not start from the server's previous
  // answer); the server's reading when the URL's list is not a valid one (a partly bad link).
  // A list mixing the grains is shown as the server kept it (one grain).
  const fromUrl = state.segments && new Set(state.segments.map(grainOf)).size === 1 ? state.segments : null;
  const current = fromUrl ?? shown.map(({ id }) => v.anySegment.parse(id)).flatMap((r) => (r.ok ? [r.value] : []));
  // A 행정동's name is the dataset's, so the browser takes it from the server's labels.
  const labels = new Map(shown.map((s) => [s.id, s.label]));
  const labelOf = (s: AnySegment) =>
    labels.get(v.anySegment.serialize(s)) ??
    (isDongSegment(s) ? v.anySegment.serialize(s) : segmentLabel(s.district.name_ko, s.sex, s.age));
  const segments = current.map((s) => ({ id: v.anySegment.serialize(s), label: labelOf(s) }));
  // The picker adds and swaps in district segments; a list of 행정동 segments takes more from the 행정동 table.
  const dongs = current.some(isDongSegment);
  // The picker is a draft until it is added: local state, not URL state.
  const [draft, setDraft] = useState<{ district: District; sex: Sex; age: Age }>({
    district: districtNamed("gangnam-gu"),
    sex: "F",
    age: 30,
  });
  const [slot, setSlot] = useState<number | null>(null);
  const [message, setMessage] = useState("");

  const write = (next: AnySegment[]) => void setState({ segments: next.length ? next : null });
  const chosen: SegmentKey = draft;
  const chosenLabel = segmentLabel(chosen.district.name_ko, chosen.sex, chosen.age);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const others = slot === null ? current : current.filter((_, i) => i !== slot);
    if (others.some((s) => v.anySegment.equals(s, chosen))) {
      setMessage(`${chosenLabel}은(는) 이미 비교하고 있습니다.`);
      return;
    }
    if (slot === null && current.length >= MAX) return;
    const next = slot === null ? [...current, chosen] : current.map((s, i) => (i === slot ? chosen : s));
    setMessage(
      slot === null
        ? `${chosenLabel}을(를) 추가했습니다.`
        : `${segments[slot]!.label}을(를) ${chosenLabel}(으)로 바꿨습니다.`,
    );
    setSlot(null);
    write(next);
  }

  const adding = slot === null;
  const full = adding && current.length >= MAX;

  return (
    <section className={`card ${styles.controlsCard}`} aria-label="비교 설정" aria-busy={pending}>
      <div className="controls">
        <SelectControl
          id="compare-service"
          testId="compare-service"
          label="추이를 볼 서비스"
          value={service}
          options={SERVICE_OPTIONS}
          onChange={(s) => void setState({ service: s })}
        />
        <SelectControl
          id="compare-basis"
          label="기준"
          value={basis}
          options={BASIS_OPTIONS}
          onChange={(b) => void setState({ basis: b })}
        />
      </div>
      {unitKind(service) === "index" ? (
        <p className={styles.hint}>이 서비스는 표준화 지수라 기준(월 합계/일평균)에 따라 값이 바뀌지 않습니다.</p>
      ) : null}

      <h2 className={styles.subhead}>
        비교할 고객층 ({segments.length}/{MAX})
      </h2>
      <ol className={styles.segmentList} data-testid="compare-segments">
        {segments.map((s, i) => (
          <li key={s.id} data-id={s.id} className={slot === i ? styles.replacing : undefined}>
            <span className={styles.segmentName}>{s.label}</span>
            <span className={styles.segmentActions}>
              {dongs ? null : (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setSlot(slot === i ? null : i)}
                  aria-pressed={slot === i}
                  aria-label={`${s.label} 바꾸기`}
                >
                  바꾸기
                </button>
              )}
              <button
                type="button"
                className="button-secondary"
                disabled={segments.length <= 2}
                title={segments.length <= 2 ? "비교에는 2개가 필요합니다. 바꾸기를 쓰세요." : undefined}
                onClick={() => {
                  setSlot(null);
                  setMessage(`${s.label}을(를) 뺐습니다.`);
                  write(current.filter((_, j) => j !== i));
                }}
                aria-label={`${s.label} 빼기`}
              >
                빼기
              </button>
            </span>
          </li>
        ))}
      </ol>

      {dongs ? (
        <p className={styles.picker} data-testid="compare-dong-note">
          행정동 고객층은 행정동 고객층끼리 비교합니다(z는 서울 행정동 고객층 전체 기준).{" "}
          <a href={dongAudienceHref}>행정동 오디언스에서 더 골라 오기</a>
        </p>
      ) : (
        <form className={styles.picker} onSubmit={submit} aria-label={adding ? "고객층 추가" : "고객층 바꾸기"}>
          <p className={styles.pickerTitle}>
            {adding
              ? full
                ? "4개까지 비교할 수 있습니다. 하나를 빼거나 바꾸세요."
                : "고객층 추가"
              : `${segments[slot]!.label} 대신 볼 고객층`}
          </p>
          <div className="controls">
            <SelectControl
              id="compare-district"
              label="자치구"
              value={draft.district}
              options={DISTRICT_OPTIONS}
              serialize={v.district.serialize}
              onChange={(district) => setDraft({ ...draft, district })}
            />
            <SelectControl
              id="compare-sex"
              label="성별"
              value={draft.sex}
              options={SEX_OPTIONS}
              onChange={(sex) => setDraft({ ...draft, sex })}
            />
            <SelectControl
              id="compare-age"
              label="연령대"
              value={draft.age}
              options={AGE_OPTIONS}
              onChange={(age) => setDraft({ ...draft, age })}
            />
            <button type="submit" className={styles.primary} disabled={full} data-testid="compare-submit">
              {adding ? "추가" : "바꾸기"}
            </button>
            {adding ? null : (
              <button type="button" className="button-secondary" onClick={() => setSlot(null)}>
                취소
              </button>
            )}
          </div>
        </form>
      )}
      <p role="status" aria-live="polite" className={styles.hint}>
        {pending ? "비교를 새로 계산하는 중…" : message}
      </p>
    </section>
  );
}
