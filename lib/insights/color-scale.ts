import { quantize } from "d3-interpolate";
import { interpolateViridis, schemeRdYlBu } from "d3-scale-chromatic";

/**
 * Colour scales for the insights and service maps and the correlation heatmap, readable by colour-blind
 * readers (both schemes come from d3-scale-chromatic; nothing is interpolated by hand):
 * - a sequential scale (viridis, light = low, dark = high) over "nice" equal-interval classes for
 *   average age and population, so the legend reads in round numbers;
 * - a diverging blue–yellow–red scale (ColorBrewer RdYlBu, marked colour-blind safe) centred on a meaningful middle — 0 for z, 100 for
 *   an index, 0 for Pearson r — with equal round steps either side, so "above" and "below" read at once.
 * Pure functions: the components only look colours up.
 */

/** k colours from light yellow (lowest class) to dark purple (highest class), sampled evenly from viridis. */
export function sequentialColors(k: number): string[] {
  if (k <= 1) return [interpolateViridis(0.5)];
  return quantize(interpolateViridis, k).reverse();
}

/**
 * 2n colours of ColorBrewer's RdYlBu, blue (far below the middle) → red (far above), no neutral class:
 * every value is on one side of the middle. n = 1 takes the two mildest colours of the 4-class scheme.
 * Of the colour-blind-safe diverging schemes, RdYlBu (and BrBG) keep printed text at ≥ 4.5:1 contrast
 * on all 8 classes with dark or white text; PuOr's and RdBu's second class fall short.
 */
export function divergingColors(n: number): string[] {
  if (n <= 1) return schemeRdYlBu[4]!.slice(1, 3).reverse();
  return [...schemeRdYlBu[Math.min(2 * n, 10)]!].reverse();
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const DARK_TEXT = "#1b1f24";
export const LIGHT_TEXT = "#ffffff";

/** The text colour (dark or white) with the higher contrast on a background. */
export function textColorOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

// ── Sequential classes ────────────────────────────────────────────────────────────────────────────

export interface ScaleClass {
  from: number;
  to: number;
  color: string;
}

export interface SequentialScale {
  /** Class edges, ascending: classes[i] covers [breaks[i], breaks[i+1]) and the last one includes its upper edge. */
  breaks: number[];
  classes: ScaleClass[];
  /** Decimals that print the edges exactly (0 for 5000, 1 for 0.5, 2 for 0.25). */
  digits: number;
}

/** Colour for values that are missing (no data for a district). */
export const NO_DATA_COLOR = "#c8ccd2";

const STEP_MULTIPLIERS = [1, 2, 2.5, 5] as const;

function decimalsOf(step: number): number {
  for (let d = 0; d < 10; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 10;
}

function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * Equal-interval classes with round edges covering [min, max]: among the steps 1, 2, 2.5, 5 × 10^k
 * near (max − min) / target, the one whose class count is closest to `target` (ties: fewer classes).
 */
export function niceBreaks(values: readonly (number | null)[], target = 5): { breaks: number[]; digits: number } {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { breaks: [], digits: 0 };
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  if (min === max) {
    const digits = decimalsOf(min);
    return { breaks: [min, max], digits };
  }
  const raw = (max - min) / target;
  const exp = Math.floor(Math.log10(raw));
  let best: { breaks: number[]; digits: number; diff: number } | undefined;
  for (const e of [exp - 1, exp, exp + 1]) {
    for (const m of STEP_MULTIPLIERS) {
      const step = m * 10 ** e;
      const digits = decimalsOf(step);
      const start = roundTo(Math.floor(min / step + 1e-9) * step, digits);
      const count = Math.max(1, Math.ceil((max - start) / step - 1e-9));
      const breaks = Array.from({ length: count + 1 }, (_, i) => roundTo(start + i * step, digits));
      const diff = Math.abs(breaks.length - 1 - target);
      if (!best || diff < best.diff || (diff === best.diff && breaks.length < best.breaks.length))
        best = { breaks, digits, diff };
    }
  }
  return { breaks: best!.breaks, digits: best!.digits };
}

export function sequentialScale(values: readonly (number | null)[], target = 5): SequentialScale {
  const { breaks, digits } = niceBreaks(values, target);
  const colors = sequentialColors(Math.max(1, breaks.length - 1));
  const classes = colors.map((color, i) => ({ from: breaks[i]!, to: breaks[i + 1] ?? breaks[i]!, color }));
  return { breaks, classes, digits };
}

/** The smallest round step (1, 2, 2.5 or 5 × 10^k) at least `x`. */
export function niceStepAtLeast(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const exp = Math.floor(Math.log10(x));
  for (const e of [exp, exp + 1])
    for (const m of STEP_MULTIPLIERS)
      if (m * 10 ** e >= x * (1 - 1e-12)) return roundTo(m * 10 ** e, Math.max(0, -e + 1));
  return 10 ** (exp + 1);
}

/**
 * Classes symmetric about `centre` (0 for z, 100 for an index): equal round steps, at most `maxSteps`
 * each side, wide enough for the farthest value; coloured blue below the centre, red above.
 */
export function divergingScale(values: readonly (number | null)[], centre: number, maxSteps = 4): SequentialScale {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { breaks: [], classes: [], digits: 0 };
  const far = Math.max(...xs.map((v) => Math.abs(v - centre)));
  const step = far === 0 ? 1 : niceStepAtLeast(far / maxSteps);
  const digits = decimalsOf(step);
  const n = Math.max(1, Math.ceil(far / step - 1e-9));
  const breaks = Array.from({ length: 2 * n + 1 }, (_, i) => roundTo(centre + (i - n) * step, digits));
  const colors = divergingColors(n);
  return { breaks, classes: colors.map((color, i) => ({ from: breaks[i]!, to: breaks[i + 1]!, color })), digits };
}

/** Index of the class a value falls in (clamped to the ends), or null for a missing value. */
export function classIndex(scale: SequentialScale, value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || scale.classes.length === 0) return null;
  const { breaks } = scale;
  for (let i = breaks.length - 2; i >= 1; i--) if (value >= breaks[i]!) return i;
  return 0;
}

export function colorFor(scale: SequentialScale, value: number | null): string {
  const i = classIndex(scale, value);
  return i === null ? NO_DATA_COLOR : scale.classes[i]!.color;
}

// ── Diverging scale for r ─────────────────────────────────────────────────────────────────────────

/** Four classes of |r| per sign: [0, .25), [.25, .5), [.5, .75), [.75, 1]; index 0 is the weakest. */
const R_CLASSES = divergingColors(4);
const R_NEGATIVE = R_CLASSES.slice(0, 4).reverse();
const R_POSITIVE = R_CLASSES.slice(4);
export const R_NULL_COLOR = "#e9ebee";

export interface CellColor {
  fill: string;
  text: string;
}

/** r rounded to the two decimals that are printed, so the colour matches the number shown. */
export function roundR(r: number): number {
  return Math.round(r * 100) / 100 || 0;
}

export function correlationColor(r: number | null): CellColor {
  if (r === null || !Number.isFinite(r)) return { fill: R_NULL_COLOR, text: DARK_TEXT };
  const shown = roundR(r);
  const k = Math.min(3, Math.floor(Math.abs(shown) / 0.25));
  const fill = (shown < 0 ? R_NEGATIVE : R_POSITIVE)[k]!;
  return { fill, text: textColorOn(fill) };
}

/** One swatch of a colour legend (the maps' classes, the heat map's r bands). */
export interface LegendItem {
  label: string;
  color: string;
}

/** The r legend, from −1 to +1. */
export function correlationLegend(): LegendItem[] {
  const edges = ["0", "0.25", "0.5", "0.75", "1"];
  const minus = (e: string) => (e === "0" ? e : `−${e}`);
  const neg = R_NEGATIVE.map((color, k) => ({
    label: `${minus(edges[k + 1]!)} ~ ${minus(edges[k]!)}`,
    color,
  })).reverse();
  const pos = R_POSITIVE.map((color, k) => ({ label: `${edges[k]} ~ ${edges[k + 1]}`, color }));
  return [...neg, ...pos];
}
