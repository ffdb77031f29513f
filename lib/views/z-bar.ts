/**
 * A z drawn as a bar on a track centred on 0 (the Seoul average): where the bar starts and how wide it
 * is, in % of the track, |z| ≥ `max` filling its half. Every z bar on screen — the segment's priority
 * list, the comparison's shared scale, the targets table — is drawn from this one geometry.
 */
export interface ZBar {
  side: "pos" | "neg" | "none";
  /** Left edge, % of the track (0 sits at 50). */
  left: number;
  /** Width, % of the track (at most 50). */
  width: number;
}

export function zBar(z: number | null, max: number): ZBar {
  if (z === null || z === 0 || !(max > 0)) return { side: "none", left: 50, width: 0 };
  const width = (Math.min(Math.abs(z), max) / max) * 50;
  return z > 0 ? { side: "pos", left: 50, width } : { side: "neg", left: 50 - width, width };
}
