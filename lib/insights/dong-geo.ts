import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";

/** Shown with every 행정동 map (data/geo/README.md provenance; CC BY 4.0, KOGL type 1 to 통계청). */
export const DONG_BOUNDARY_ATTRIBUTION = "경계: 통계청 SGIS 행정구역 경계, vuski/admdongkor 가공(2021.4)";

/** data/geo/seoul-dongs.geojson: one feature per 행정동, keyed by its 7-digit statistics code. */
export interface DongProps {
  /** 7-digit statistics code, as the data's 행정동코드 (여의동 `1119054`). */
  code: string;
  /** Name without the district, e.g. `여의동`. */
  name_ko: string;
  /** The district's 5-digit administrative code (the app's District.code). */
  district: string;
}
export type DongFeature = Feature<Polygon | MultiPolygon, DongProps>;
export type DongGeo = FeatureCollection<Polygon | MultiPolygon, DongProps>;

export function polygonsOf(f: { geometry: Polygon | MultiPolygon }): Position[][][] {
  return f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Twice the signed area of a ring, relative to its first vertex (absolute degrees would cancel small areas). */
export function ringArea2(ring: readonly Position[]): number {
  const [ox, oy] = (ring[0] ?? [0, 0]) as [number, number];
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    a += (ring[i]![0]! - ox) * (ring[i + 1]![1]! - oy) - (ring[i + 1]![0]! - ox) * (ring[i]![1]! - oy);
  }
  return a;
}

/** Points to integer units of 1e-5° (the files' precision), so the orientation tests below are exact. */
const unit = (p: Position): [number, number] => [Math.round(p[0]! * 1e5), Math.round(p[1]! * 1e5)];

function orient(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  return Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
}

type Segment = { a: [number, number]; b: [number, number]; code: string };

/** Two segments cross at a point inside both (touching at a shared vertex, as neighbours do, is fine). */
function properlyCross(s: Segment, t: Segment): boolean {
  const o1 = orient(s.a, s.b, t.a),
    o2 = orient(s.a, s.b, t.b);
  const o3 = orient(t.a, t.b, s.a),
    o4 = orient(t.a, t.b, s.b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/**
 * Finds one pair of crossing edges among all rings of all features: a ring crossing itself, two rings of a
 * 행정동 crossing, or a border drawn through a neighbour. Edges are bucketed on a grid so the check over
 * every edge of Seoul takes milliseconds, not a quadratic pass.
 */
export function findCrossing(geo: {
  features: { properties: { code: string }; geometry: Polygon | MultiPolygon }[];
}): string | null {
  const cell = 200; // grid cell in 1e-5° units (about 200 m)
  const grid = new Map<string, Segment[]>();
  for (const f of geo.features) {
    for (const poly of polygonsOf(f)) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const s: Segment = { a: unit(ring[i]!), b: unit(ring[i + 1]!), code: f.properties.code };
          const x0 = Math.floor(Math.min(s.a[0], s.b[0]) / cell),
            x1 = Math.floor(Math.max(s.a[0], s.b[0]) / cell);
          const y0 = Math.floor(Math.min(s.a[1], s.b[1]) / cell),
            y1 = Math.floor(Math.max(s.a[1], s.b[1]) / cell);
          for (let x = x0; x <= x1; x++) {
            for (let y = y0; y <= y1; y++) {
              const key = `${x},${y}`;
              const bucket = grid.get(key);
              if (!bucket) grid.set(key, [s]);
              else {
                for (const t of bucket)
                  if (properlyCross(s, t))
                    return `edges of ${t.code} and ${s.code} cross near ${s.a[0] / 1e5},${s.a[1] / 1e5}`;
                bucket.push(s);
              }
            }
          }
        }
      }
    }
  }
  return null;
}

/**
 * Checks the served boundaries: each feature a 7-digit code once, a district code, and polygons that are
 * valid — every ring closed, at least 4 positions, no zero-length edge, a non-zero area, outer rings
 * larger than their holes, no two edges crossing anywhere. `codes`, when given, must each have exactly
 * one feature. Returns the first problem in words, or null.
 */
export function checkDongGeo(geo: unknown, codes?: readonly string[]): string | null {
  const fc = geo as Partial<DongGeo> | null;
  if (!fc || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) return "not a GeoJSON FeatureCollection";
  const seen = new Set<string>();
  for (const f of fc.features) {
    const code = f?.properties?.code;
    if (typeof code !== "string" || !/^\d{7}$/.test(code)) return `bad 행정동 code ${JSON.stringify(code)}`;
    if (seen.has(code)) return `행정동 ${code} appears twice`;
    seen.add(code);
    if (!/^\d{5}$/.test(f.properties.district ?? "")) return `행정동 ${code} has no district code`;
    const t = f.geometry?.type;
    if (t !== "Polygon" && t !== "MultiPolygon") return `행정동 ${code} has geometry ${String(t)}`;
    const polys = polygonsOf(f);
    if (polys.length === 0) return `행정동 ${code} has no polygon`;
    for (const poly of polys) {
      if (poly.length === 0) return `행정동 ${code} has an empty polygon`;
      for (const ring of poly) {
        if (ring.length < 4) return `행정동 ${code} has a ring of ${ring.length} positions`;
        const [first, last] = [unit(ring[0]!), unit(ring[ring.length - 1]!)];
        if (first[0] !== last[0] || first[1] !== last[1]) return `행정동 ${code} has an open ring`;
        for (let i = 0; i + 1 < ring.length; i++) {
          const [p, q] = [unit(ring[i]!), unit(ring[i + 1]!)];
          if (p[0] === q[0] && p[1] === q[1]) return `행정동 ${code} repeats a vertex`;
        }
        if (ringArea2(ring.map(unit)) === 0) return `행정동 ${code} has a ring of zero area`;
      }
      const outer = Math.abs(ringArea2(poly[0]!));
      for (const hole of poly.slice(1))
        if (Math.abs(ringArea2(hole)) >= outer) return `행정동 ${code} has a hole as large as its polygon`;
    }
  }
  if (codes) {
    const missing = codes.filter((c) => !seen.has(c));
    if (missing.length) return `missing 행정동 ${missing.join(", ")}`;
    const known = new Set(codes);
    const extra = [...seen].filter((c) => !known.has(c));
    if (extra.length) return `unknown 행정동 ${extra.join(", ")}`;
  }
  return findCrossing(fc as DongGeo);
}
