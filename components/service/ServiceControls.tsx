"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { SelectControl } from "@/components/SelectControl";
import type { Age, ServiceId, SexFilter } from "@/lib/domain";
import { AGE_OPTIONS, SERVICE_OPTIONS, SEX_FILTER_OPTIONS } from "@/lib/options";
import { shapeParsers } from "@/lib/params/nuqs";
import { servicePage } from "@/lib/params/pages";
import styles from "./service.module.css";

const parsers = shapeParsers(servicePage);

function Pending({ pending }: { pending: boolean }) {
  return (
    <p className={styles.status} role="status" aria-live="polite">
      {pending ? "새 보기를 불러오는 중…" : ""}
    </p>
  );
}

/** The service select: writes `service` to the URL, and the server renders the new view. */
export function ServiceSelect({ service }: { service: ServiceId }) {
  const [pending, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(parsers, { startTransition });
  return (
    <>
      <SelectControl
        id="service-select"
        testId="service-select"
        label="서비스"
        value={service}
        options={SERVICE_OPTIONS}
        onChange={(v) => void setUrl({ service: v })}
      />
      <Pending pending={pending} />
    </>
  );
}

/**
 * The map's group (성별, 연령대). Shows the group in view — the top target's when the link names none —
 * and writes both to the URL on a change, so the link keeps the group even if the service changes.
 */
export function MapGroupSelect({ sex, age }: { sex: SexFilter; age: Age }) {
  const [pending, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(parsers, { startTransition });
  return (
    <div className={styles.groupControls}>
      <div className="controls">
        <SelectControl
          id="map-sex"
          testId="map-sex"
          label="지도 성별"
          value={sex}
          options={SEX_FILTER_OPTIONS}
          onChange={(v) => void setUrl({ sex: v, age })}
        />
        <SelectControl
          id="map-age"
          testId="map-age"
          label="지도 연령대"
          value={age}
          options={AGE_OPTIONS}
          onChange={(v) => void setUrl({ age: v, sex })}
        />
      </div>
      <Pending pending={pending} />
    </div>
  );
}
