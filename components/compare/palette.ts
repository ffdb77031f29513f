/**
 * One colour, one dash pattern and one marker per compared segment (at most four), so lines are told
 * apart by more than colour: Okabe–Ito colours, safe for the common colour-vision deficiencies.
 */
export const SEGMENT_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"] as const;
export const SEGMENT_DASHES = [undefined, "8 4", "2 3", "10 3 2 3"] as const;
export const SEGMENT_MARKS = ["●", "■", "▲", "◆"] as const;
