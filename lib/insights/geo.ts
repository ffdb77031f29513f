import type { Feature, FeatureCollection, Polygon, MultiPolygon, Position } from "geojson";
import { DISTRICTS } from "@/lib/districts";

/** Shown with the map (data/geo/README provenance). */
export const BOUNDARY_ATTRIBUTION = "경계: 통계청 센서스용 행정구역경계(2013)";

/** The district boundaries (data/geo/seoul-districts.geojson): one feature per district, keyed by code. */
export interface DistrictProps {
  code: string;
  name_ko: string;
  name_en: string;
}
export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProps>;
export type DistrictGeo = FeatureCollection<Polygon | MultiPolygon, DistrictProps>;

/** [[south, west], [north, east]]: latitude first, unlike GeoJSON's [lng, lat] positions. */
export type LatLngBounds = [[number, number], [number, number]];

/**
 * Checks that a parsed GeoJSON is the 25 districts the app knows (same codes, once each); returns the
 * problem in words, or null when it fits.
 */
export function checkDistrictGeo(geo: unknown): string | null {
  const fc = geo as Partial<DistrictGeo> | null;
  if (!fc || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) return "not a GeoJSON FeatureCollection";
  const known = new Set(DISTRICTS.map((d) => d.code));
  const seen = new Set<string>();
  for (const f of fc.features) {
    const code = f?.properties?.code;
    if (typeof code !== "string" || !known.has(code)) return `unknown district code ${JSON.stringify(code)}`;
    if (seen.has(code)) return `district ${code} appears twice`;
    const t = f.geometry?.type;
    if (t !== "Polygon" && t !== "MultiPolygon") return `district ${code} has geometry ${String(t)}`;
    seen.add(code);
  }
  const missing = [...known].filter((c) => !seen.has(c));
  return missing.length ? `missing districts ${missing.join(", ")}` : null;
}

/** What the drawing functions need of a boundary file: polygons keyed by a code (districts or 행정동). */
type CodedGeo = FeatureCollection<Polygon | MultiPolygon, { code: string }>;

function* positions(f: CodedGeo["features"][number]): Generator<Position> {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) for (const ring of poly) yield* ring;
}

/** Bounding box of all features, as [[south, west], [north, east]] (Leaflet's order, and what svgDistricts projects from). */
export function geoBounds(geo: CodedGeo): LatLngBounds {
  let south = Infinity,
    west = Infinity,
    north = -Infinity,
    east = -Infinity;
  for (const f of geo.features) {
    for (const [lng, lat] of positions(f)) {
      if (lat! < south) south = lat!;
      if (lat! > north) north = lat!;
      if (lng! < west) west = lng!;
      if (lng! > east) east = lng!;
    }
  }
  return [
    [south, west],
    [north, east],
  ];
}

/** Signed area and centroid of a ring (planar, in degrees: fine at a city's scale). */
function ringCentroid(ring: readonly Position[]): { area: number; lng: number; lat: number } {
  // Relative to the first vertex: products of ~127 × 37 degrees would cancel away the small areas.
  const [ox, oy] = (ring[0] ?? [0, 0]) as [number, number];
  let a = 0,
    x = 0,
    y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const x0 = ring[j]![0]! - ox,
      y0 = ring[j]![1]! - oy;
    const x1 = ring[i]![0]! - ox,
      y1 = ring[i]![1]! - oy;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  a /= 2;
  return a === 0 ? { area: 0, lng: ox, lat: oy } : { area: a, lng: ox + x / (6 * a), lat: oy + y / (6 * a) };
}

/**
 * Where each district's name goes on the map: the area centroid of its largest polygon's outer ring,
 * as [lat, lng]. Computed on the server so the browser receives 25 points, not geometry maths.
 */
export function labelPoints(geo: CodedGeo): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const f of geo.features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    let best: ReturnType<typeof ringCentroid> | undefined;
    for (const poly of polys) {
      const c = ringCentroid(poly[0] ?? []);
      if (!best || Math.abs(c.area) > Math.abs(best.area)) best = c;
    }
    if (best) out[f.properties.code] = [best.lat, best.lng];
  }
  return out;
}

/** The districts drawn as SVG: one path per district and where its name goes, in the viewBox's units. */
export interface SvgDistricts {
  width: number;
  height: number;
  districts: { code: string; path: string; label: [number, number] }[];
}

/**
 * Projects the boundaries to SVG coordinates (equirectangular, x shrunk by cos of the middle latitude so
 * Seoul keeps its shape; at a city's scale the difference from a conformal projection is invisible),
 * `width` units wide, north up. Coordinates are rounded to 0.1 unit — a tenth of a pixel at 1000 px.
 */
export function svgDistricts(geo: CodedGeo, width = 1000, pad = 4): SvgDistricts {
  const [[south, west], [north, east]] = geoBounds(geo);
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = (width - 2 * pad) / ((east - west) * kx);
  const height = Math.round((north - south) * scale + 2 * pad);
  const x = (lng: number) => Math.round(((lng - west) * kx * scale + pad) * 10) / 10;
  const y = (lat: number) => Math.round(((north - lat) * scale + pad) * 10) / 10;
  const labels = labelPoints(geo);
  const districts = geo.features.map((f) => {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const path = polys
      .flatMap((poly) => poly.map((ring) => `M${ring.map(([lng, lat]) => `${x(lng!)} ${y(lat!)}`).join("L")}Z`))
      .join("");
    const [lat, lng] = labels[f.properties.code]!;
    return { code: f.properties.code, path, label: [x(lng), y(lat)] as [number, number] };
  });
  return { width, height, districts };
}
