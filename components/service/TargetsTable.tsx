import Link from "next/link";
import { serviceName } from "@/lib/format";
import { withParticle } from "@/lib/particle";
import type { ServiceId } from "@/lib/domain";
import type { RelatedMethod } from "@/lib/params/values";
import { RELATED_LABELS, usageUnit, type ServiceChip, type TargetRow } from "@/lib/views/service";
import styles from "./service.module.css";

const TONE = { pos: styles.rPos, neg: styles.rNeg, none: styles.rNone } as const;

function Chips({
  chips,
  label,
  testId,
  symbol,
}: {
  chips: readonly ServiceChip[];
  label: string;
  testId: string;
  symbol: string;
}) {
  return (
    <ol data-testid={testId} className={styles.related} aria-label={label}>
      {chips.map((c) => (
        <li key={c.service} data-service={c.service} data-value={c.value ?? ""} className={TONE[c.tone]}>
          <span className={styles.relName}>{c.name}</span>
          <span className={styles.r}>
            <span className="visually-hidden">{symbol} </span>
            {c.text}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The top targets as a table (server-rendered): each segment links to its segment page, with its z,
 * population, mean usage, the services it also over-uses (z) and the services moving with the chosen
 * one (r, season-adjusted or raw). On phones each row becomes a small card (CSS only).
 */
export function TargetsTable({
  service,
  rows,
  related,
}: {
  service: ServiceId;
  rows: readonly TargetRow[];
  related: RelatedMethod;
}) {
  const name = serviceName(service);
  return (
    <div className={`table-scroll ${styles.scroll}`} tabIndex={0} role="region" aria-label={`${name} 타겟 고객 표`}>
      <table data-testid="targets-table" data-service={service} data-related={related} className={styles.targets}>
        <caption className="visually-hidden">
          {name} 서비스 타겟 고객 상위 {rows.length}개와 많이 쓰는 서비스, 함께 움직이는 서비스
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              순위
            </th>
            <th scope="col">고객층</th>
            <th scope="col" className="num">
              z<span className={styles.sub}>타겟 점수</span>
            </th>
            <th scope="col" className="num">
              인구<span className={styles.sub}>월평균</span>
            </th>
            <th scope="col" className="num">
              평균 {name} 이용<span className={styles.sub}>{usageUnit(service)}</span>
            </th>
            <th scope="col">
              이 고객층이 많이 쓰는 서비스<span className={styles.sub}>z 높은 순</span>
            </th>
            <th scope="col">
              함께 움직이는 서비스<span className={styles.sub}>{RELATED_LABELS[related]} 높은 순</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.key} data-district={t.district.code} data-sex={t.sex} data-age={t.age}>
              <td className={`num ${styles.rank}`}>{t.rank}</td>
              <th scope="row" className={styles.segment}>
                <Link href={t.href} className={styles.segmentLink} data-testid="segment-link">
                  <span className={styles.district}>{t.district.name_ko}</span>{" "}
                  <span className={styles.sub}>{t.label.slice(t.district.name_ko.length + 1)}</span>
                </Link>
              </th>
              <td className={`num ${styles.zCell}`} title={t.zWords}>
                <span className={styles.zValue}>
                  <span className={styles.phoneLabel}>z </span>
                  {t.zText}
                </span>
                <span className={styles.zBar} aria-hidden="true">
                  <span
                    className={t.z !== null && t.z < 0 ? styles.zFillNeg : styles.zFill}
                    style={{ width: `${t.zBar}%` }}
                  />
                </span>
              </td>
              <td className={`num ${styles.pop}`}>
                <span className={styles.phoneLabel}>인구 </span>
                {t.population}
              </td>
              <td className={`num ${styles.usage}`}>
                <span className={styles.phoneLabel}>평균 이용 </span>
                {t.usage}
              </td>
              <td className={styles.alsoCell}>
                <span className={styles.phoneLabel}>많이 쓰는 서비스 (z)</span>
                <Chips chips={t.alsoUses} label={`${t.label}이(가) 많이 쓰는 서비스`} testId="also-uses" symbol="z" />
              </td>
              <td className={styles.relatedCell}>
                <span className={styles.phoneLabel}>함께 움직이는 서비스 ({RELATED_LABELS[related]})</span>
                <Chips
                  chips={t.related}
                  label={`${t.label}에서 ${withParticle(name, "와/과")} 함께 움직이는 서비스`}
                  testId="related-services"
                  symbol="r"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
