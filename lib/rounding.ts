/**
 * Whole numbers that add up: each value floored, then the units still missing from the total given
 * one each to the values with the largest fractional parts (Hamilton's largest remainder method;
 * ties to the earlier value). So a CSV's 원 and impressions are integers and still sum to its total.
 */
export function largestRemainder(
  values: readonly number[],
  total = Math.round(values.reduce((a, b) => a + b, 0)),
): number[] {
  if (values.some((v) => !(v >= 0) || !Number.isFinite(v))) throw new RangeError("values must be finite and ≥ 0");
  const floors = values.map(Math.floor);
  let missing = total - floors.reduce((a, b) => a + b, 0);
  if (missing < 0 || missing > values.length)
    throw new RangeError(`total ${total} is not within the floors' sum … + ${values.length}`);
  const order = values.map((v, i) => ({ i, rest: v - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing === 0) break;
    floors[i]! += 1;
    missing--;
  }
  return floors;
}
