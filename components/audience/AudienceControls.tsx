"use client";

import { useQueryStates } from "nuqs";
import { SelectControl } from "@/components/SelectControl";
import { AGE_OPTIONS, DISTRICT_OPTIONS, SERVICE_OPTIONS, SEX_FILTER_OPTIONS } from "@/lib/options";
import { GRAINS } from "@/lib/domain";
import { GRAIN_LABELS } from "@/lib/params/values";
import { audiencePage } from "@/lib/params/pages";
import { shapeParsers } from "@/lib/params/nuqs";
import type { Codec } from "@/lib/params/codec";
import styles from "./audience.module.css";

const parsers = shapeParsers(audiencePage);
const ALL = { value: null, label: "전체" };
const AGE_FILTER_OPTIONS = [ALL, ...AGE_OPTIONS];
const DISTRICT_FILTER_OPTIONS = [ALL, ...DISTRICT_OPTIONS];
const GRAIN_OPTIONS = GRAINS.map((g) => ({ value: g, label: GRAIN_LABELS[g] }));

/** A filter's option value as its parameter's codec writes it; "" is 전체 (the filter left out). */
function filterValue<T>(codec: Codec<T>) {
  return (value: T | null) => (value === null ? "" : codec.serialize(value));
}
const ageValue = filterValue(audiencePage.age.codec);
const districtValue = filterValue(audiencePage.district.codec);

/**
 * The service and the filters. Each change is pushed to the URL (nuqs, not shallow) and the server
 * renders the table for it; `startTransition` lets the table show that it is being replaced.
 */
export function AudienceControls({ startTransition }: { startTransition: React.TransitionStartFunction }) {
  const [state, setState] = useQueryStates(parsers, { startTransition });
  return (
    <form className={`controls ${styles.controls}`} aria-label="서비스와 필터" onSubmit={(e) => e.preventDefault()}>
      <SelectControl
        id="audience-service"
        testId="audience-service"
        label="서비스"
        value={state.service ?? audiencePage.service.default!}
        options={SERVICE_OPTIONS}
        onChange={(service) => void setState({ service, offset: null })}
      />
      <SelectControl
        id="audience-grain"
        testId="audience-grain"
        label="단위"
        value={state.grain ?? audiencePage.grain.default!}
        options={GRAIN_OPTIONS}
        // Picks are of one grain: a new grain starts with none.
        onChange={(grain) => void setState({ grain: grain === "district" ? null : grain, offset: null, pick: null })}
      />
      <SelectControl
        id="audience-sex"
        label="성별"
        value={state.sex ?? audiencePage.sex.default!}
        options={SEX_FILTER_OPTIONS}
        onChange={(sex) => void setState({ sex, offset: null })}
      />
      <SelectControl
        id="audience-age"
        label="연령대"
        value={state.age}
        options={AGE_FILTER_OPTIONS}
        serialize={ageValue}
        onChange={(age) => void setState({ offset: null, age })}
      />
      <SelectControl
        id="audience-district"
        label="자치구"
        value={state.district}
        options={DISTRICT_FILTER_OPTIONS}
        serialize={districtValue}
        onChange={(district) => void setState({ offset: null, district })}
      />
    </form>
  );
}
