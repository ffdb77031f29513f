/**
 * The items of a segment list that a link gave but the page left out (unknown, repeated, too many),
 * each with its reason; the valid ones are kept and shown. ParamProblems above names the parameter.
 */
export function DroppedSegments({
  dropped,
  what,
}: {
  dropped: readonly { raw: string; reason: string }[];
  what: string;
}) {
  if (dropped.length === 0) return null;
  return (
    <div className="card notice" data-testid="dropped-segments">
      <p>
        링크의 {what} 목록에서 다음 {dropped.length}개는 빼고, 나머지 올바른 고객층은 그대로 두었습니다.
      </p>
      <DroppedList dropped={dropped} />
    </div>
  );
}

/** Each left-out item in full, with its reason (also /plan's PlanDroppedSegments). */
export function DroppedList({ dropped }: { dropped: readonly { raw: string; reason: string }[] }) {
  return (
    <ul>
      {dropped.map((d, i) => (
        <li key={i}>
          <code>{d.raw}</code>: {d.reason}
        </li>
      ))}
    </ul>
  );
}
