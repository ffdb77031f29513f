import Link from "next/link";
import type { ServiceScore } from "@/lib/engine";
import { formatSigned, segmentLabel, serviceName } from "@/lib/format";
import type { Age, Sex } from "@/lib/domain";
import styles from "./segment.module.css";

export interface SexChoiceItem {
  sex: Sex;
  href: string;
  top: readonly ServiceScore[];
}

/**
 * The answer to /segment?sex=T: a segment is one district × one sex × one age band (the data is kept
 * per sex), so "both sexes" is not a segment. Two links, keeping the district and age, each with a
 * preview of that segment's top services.
 */
export function SexChoice({
  districtName,
  age,
  choices,
}: {
  districtName: string;
  age: Age;
  choices: readonly SexChoiceItem[];
}) {
  return (
    <section className="card notice" aria-labelledby="sex-choice-title" data-testid="sex-choice">
      <h2 id="sex-choice-title">고객층은 성별 하나씩입니다</h2>
      <p>
        이 페이지의 고객층은 자치구 × 성별 × 연령대 하나씩으로 나뉜 300개 가운데 하나이고, 데이터도 성별마다 따로
        있습니다. 그래서 ‘전체(남녀 합산)’ 고객층의 우선순위는 계산하지 않습니다. 자치구와 연령대는 그대로 두고 성별을
        골라 주세요.
      </p>
      <ul className={styles.sexChoices}>
        {choices.map((c) => (
          <li key={c.sex}>
            <Link href={c.href} className={styles.sexLink} data-sex={c.sex}>
              <strong>{segmentLabel(districtName, c.sex, age)}</strong>
              <span>
                {c.top.map((s) => `${s.rank}위 ${serviceName(s.service)} (z ${formatSigned(s.z)})`).join(", ")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
