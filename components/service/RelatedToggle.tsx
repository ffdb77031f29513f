import Link from "next/link";
import { RELATED_METHODS, type RelatedMethod } from "@/lib/params/values";
import { RELATED_LABELS } from "@/lib/views/service";
import styles from "./service.module.css";

/**
 * Which r the "함께 움직이는 서비스" column shows, as two links (the choice is in the URL, and it works
 * without JavaScript): season-adjusted by default, the raw 2023 method on request.
 */
export function RelatedToggle({
  current,
  hrefFor,
}: {
  current: RelatedMethod;
  hrefFor: Readonly<Record<RelatedMethod, string>>;
}) {
  return (
    <nav className={styles.toggle} aria-label="함께 움직이는 서비스의 r 계산 방식">
      {RELATED_METHODS.map((m) => (
        <Link
          key={m}
          href={hrefFor[m]}
          scroll={false}
          aria-current={m === current ? "true" : undefined}
          className={m === current ? styles.toggleOn : styles.toggleOff}
          data-testid={`related-${m}`}
        >
          {RELATED_LABELS[m]}
        </Link>
      ))}
    </nav>
  );
}
