"use client";

import { useQueryStates } from "nuqs";
import { SelectControl } from "@/components/SelectControl";
import { AGE_OPTIONS, DISTRICT_OPTIONS, SERVICE_OPTIONS, SEX_FILTER_OPTIONS } from "@/lib/options";
import { audiencePage } from "@/lib/params/pages";
import { shapeParsers } from "@/lib/params/nuqs";
import { findDistrict } from "@/lib/districts";
import { isAge } from "@/lib/domain";
import styles from "./audience.module.css";

const parsers = shapeParsers(audiencePage);
const ALL = { value: "", label: "전체" };
const AGE_FILTER_OPTIONS = [ALL, ...AGE_OPTIONS.map((o) => ({ value: String(o.value), label: o.label }))];
const DISTRICT_FILTER_OPTIONS = [ALL, ...DISTRICT_OPTIONS];

/**
 * The service and the filters. Each change is pushed to the URL (nuqs, not shallow) and the server
 * renders the table for it; `startTransition` lets the table show that it is being replaced.
 */
export function AudienceControls({ startTransition }: { startTransition: React.TransitionStartFunction }) {
  const [state, setState] = useQueryStates(parsers, { startTransition });
  return (
    <form className={`controls ${styles.controls}`} aria-label="서비스와 필터" onSubmit={(e) => e.preventDefault()}>
      <SelectControl id="audience-service" testId="audience-service" label="서비스" value={state.service ?? audiencePage.service.default!} options={SERVICE_OPTIONS} onChange={(service) => void setState({ service, offset: null })} />
      <SelectControl id="audience-sex" label="성별" value={state.sex ?? audiencePage.sex.default!} options={SEX_FILTER_OPTIONS} onChange={(sex) => void setState({ sex, offset: null })} />
      <SelectControl
        id="audience-age"
        label="연령대"
        value={state.age === null ? "" : String(state.age)}
        options={AGE_FILTER_OPTIONS}
        onChange={(a) => void setState({ offset: null, age: a !== "" && isAge(Number(a)) ? (Number(a) as typeof state.age) : null })}
      />
      <SelectControl
        id="audience-district"
        label="자치구"
        value={state.district?.slug ?? ""}
        options={DISTRICT_FILTER_OPTIONS}
        onChange={(d) => void setState({ offset: null, district: d === "" ? null : (findDistrict(d) ?? null) })}
      />
    </form>
  );
}
