import Link from "next/link";
import { DroppedList } from "@/components/compare/DroppedSegments";

/**
 * The segment ids a /plan link gave that the page left out (unknown, repeated, over 50), each in full
 * with its reason, and a link without them. The valid ones are kept and planned; with none valid the
 * plan shows the service's top 10 and says so.
 */
export function PlanDroppedSegments({
  dropped,
  kept,
  fixHref,
}: {
  dropped: readonly { raw: string; reason: string }[];
  kept: number;
  fixHref: string;
}) {
  if (dropped.length === 0) return null;
  return (
    <div className="card notice" role="alert" data-testid="plan-dropped-segments">
      <p>
        링크의 고객층 목록에서 다음 {dropped.length}개를 뺐습니다.{" "}
        {kept > 0
          ? `나머지 올바른 고객층 ${kept}개로 계획했습니다.`
          : "올바른 고객층이 없어 이 서비스의 상위 10개 고객층으로 계획했습니다."}
      </p>
      <DroppedList dropped={dropped} />
      <p>
        <Link href={fixHref} data-testid="plan-fix-link">
          잘못된 ID를 뺀 링크로 고치기
        </Link>
      </p>
    </div>
  );
}
