import { ageLabel, SEX_LABELS, type ServiceId } from "@/lib/domain";
import type { Target } from "@/lib/engine";
import { describeZ, formatInt, formatSigned, formatUsage, serviceName } from "@/lib/format";
import { usageUnit, zBarPercents } from "@/lib/service-targets";
import styles from "./service.module.css";

function rClass(r: number | null): string {
  if (r === null) return styles.rNone!;
  return r >= 0 ? styles.rPos! : styles.rNeg!;
}

/**
 * The top targets as a table: segment, z (with a bar), population, mean usage, related services by r.
 * On phones each row becomes a small card (CSS only), so the related services stay readable.
 */
export function TargetsTable({ service, targets, busy }: { service: ServiceId; targets: readonly Target[]; busy: boolean }) {
  const bars = zBarPercents(targets.map((t) => t.z));
  const name = serviceName(service);
  return (
    <div className={`table-scroll ${styles.scroll}`} tabIndex={0} role="region" aria-label={`${name} 타겟 고객 표`}>
      <table data-testid="targets-table" data-service={service} className={styles.targets} aria-busy={busy}>
        <caption className="visually-hidden">{name} 서비스 타겟 고객 상위 {targets.length}개와 연관 서비스</caption>
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
              연관 서비스<span className={styles.sub}>r 높은 순</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t, i) => (
            <tr key={`${t.district.code}-${t.sex}-${t.age}`} data-district={t.district.code} data-sex={t.sex} data-age={t.age}>
              <td className={`num ${styles.rank}`}>{i + 1}</td>
              <th scope="row" className={styles.segment}>
                <span className={styles.district}>{t.district.name_ko}</span>{" "}
                <span className={styles.sub}>
                  {ageLabel(t.age)} {SEX_LABELS[t.sex]}
                </span>
              </th>
              <td className={`num ${styles.zCell}`} title={describeZ(t.z)}>
                <span className={styles.zValue}>
                  <span className={styles.phoneLabel}>z </span>
                  {formatSigned(t.z)}
                </span>
                <span className={styles.zBar} aria-hidden="true">
                  <span className={t.z !== null && t.z < 0 ? styles.zFillNeg : styles.zFill} style={{ width: `${bars[i]}%` }} />
                </span>
              </td>
              <td className={`num ${styles.pop}`}>
                <span className={styles.phoneLabel}>인구 </span>
                {formatInt(t.population)}
              </td>
              <td className={`num ${styles.usage}`}>
                <span className={styles.phoneLabel}>평균 이용 </span>
                {formatUsage(t.usage)}
              </td>
              <td className={styles.relatedCell}>
                <span className={styles.phoneLabel}>연관 서비스 (r 높은 순)</span>
                <ol data-testid="related-services" className={styles.related} aria-label={`${t.district.name_ko} ${ageLabel(t.age)} ${SEX_LABELS[t.sex]}의 연관 서비스`}>
                  {t.related.map((r) => (
                    <li key={r.service} data-service={r.service} data-r={r.r ?? ""} className={rClass(r.r)}>
                      <span className={styles.relName}>{serviceName(r.service)}</span>
                      <span className={styles.r}>
                        <span className="visually-hidden">r </span>
                        {formatSigned(r.r)}
                      </span>
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
