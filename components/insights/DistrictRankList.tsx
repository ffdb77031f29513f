import Link from "next/link";
import type { MapDistrict } from "@/lib/insights/choropleth";
import styles from "./map.module.css";

export interface RankLink {
  label: string;
  href: string;
}

/**
 * The map's districts as a ranked list, rendered on the server: the same colours and values, readable
 * without JavaScript or a steady finger (each row is at least 44 px tall), and the phone's way to open a
 * district's segment page. `links` replaces a district's one link (e.g. both sexes for 전체).
 */
export function DistrictRankList({
  districts,
  label,
  links,
  testId = "district-rank-list",
}: {
  districts: readonly MapDistrict[];
  label: string;
  links?: Readonly<Record<string, RankLink[]>>;
  testId?: string;
}) {
  return (
    // Focusable: beside the map on wide screens the list scrolls inside its box, and keyboard users must reach it.
    <ol className={styles.rankList} aria-label={`${label}: 순위 목록`} data-testid={testId} tabIndex={0}>
      {districts.map((d) => {
        const own = links?.[d.code];
        const body = (
          <>
            <span className={styles.rankNo}>{d.rank}</span>
            <span className={styles.swatch} style={{ background: d.fill }} aria-hidden="true" />
            <span className={styles.rankName}>{d.name}</span>
            <span className={styles.rankValue}>{d.valueText}</span>
          </>
        );
        return (
          <li key={d.code} data-district={d.code} data-value={d.value ?? ""}>
            {own ? (
              <div className={styles.rankRow}>
                {body}
                <span className={styles.rankLinks}>
                  {own.map((l) => (
                    <Link key={l.href} href={l.href} className={styles.rankLink} aria-label={`${d.name} ${l.label}`}>
                      {l.label}
                    </Link>
                  ))}
                </span>
              </div>
            ) : d.href ? (
              <Link href={d.href} className={`${styles.rankRow} ${styles.rankRowLink}`} aria-label={d.description}>
                {body}
              </Link>
            ) : (
              <div className={styles.rankRow}>{body}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
