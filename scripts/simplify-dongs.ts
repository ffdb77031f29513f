/**
 * Rebuilds data/geo/seoul-dongs.geojson (the 424 행정동 boundaries served to the app) from the shared,
 * unsimplified file:
 *   npx tsx scripts/simplify-dongs.ts [--from ../shared/geo/seoul-dongs-424.geojson] [--out data/geo/seoul-dongs.geojson] [--weight 2e-8]
 *
 * Simplification runs on a topology (topojson-server): each border between two 행정동 is one arc,
 * simplified once (topojson-simplify, Visvalingam's effective area), so neighbours keep identical
 * borders — simplifying each polygon on its own leaves slivers and gaps along every shared border.
 * The script refuses to write a file in which a polygon became invalid or a code lost its polygon
 * (lib/insights/dong-geo.ts checkDongGeo, the same check the unit test runs on the committed file).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { parseArgs } from "node:util";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { checkDongGeo, type DongGeo, type DongProps } from "@/lib/insights/dong-geo";

const { values } = parseArgs({
  options: {
    from: { type: "string", default: "../shared/geo/seoul-dongs-424.geojson" },
    out: { type: "string", default: "data/geo/seoul-dongs.geojson" },
    // Minimum effective area kept, in square degrees: 2e-8 ≈ 200 m² at Seoul's latitude.
    weight: { type: "string", default: "2e-8" },
  },
});

interface SourceProps {
  adm_cd: string;
  adm_nm: string;
  sgg: string;
}
const source = JSON.parse(readFileSync(path.resolve(values.from!), "utf8")) as FeatureCollection<
  Polygon | MultiPolygon,
  SourceProps
>;

const topo = topology({ dongs: source }) as Topology<{ dongs: GeometryCollection<SourceProps> }>;
const simplified = simplify(presimplify(topo), Number(values.weight));
const back = feature(simplified, simplified.objects.dongs) as FeatureCollection<Polygon | MultiPolygon, SourceProps>;

// 5 decimals ≈ 1 m; rounding happens after simplification, on shared arcs already equal on both sides.
const round = (p: Position): Position => [Math.round(p[0]! * 1e5) / 1e5, Math.round(p[1]! * 1e5) / 1e5];
/** Drops consecutive duplicates rounding may create (a ring must not repeat a vertex in place). */
const ring = (r: Position[]): Position[] =>
  r.map(round).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);

const out: DongGeo = {
  type: "FeatureCollection",
  features: back.features.map((f) => {
    const props: DongProps = {
      code: f.properties.adm_cd,
      name_ko: f.properties.adm_nm.split(" ").slice(2).join(" "),
      district: f.properties.sgg,
    };
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === "Polygon"
        ? { type: "Polygon", coordinates: g.coordinates.map(ring) }
        : { type: "MultiPolygon", coordinates: g.coordinates.map((poly) => poly.map(ring)) };
    return { type: "Feature", properties: props, geometry };
  }),
};
out.features.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));

const problem = checkDongGeo(out);
if (problem) throw new Error(`not written: ${problem}`);
const text = JSON.stringify(out);
writeFileSync(path.resolve(values.out!), text + "\n");
const vertices = out.features.reduce(
  (n, f) =>
    n +
    (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates)
      .flat()
      .reduce((m, r) => m + r.length, 0),
  0,
);
console.log(
  `${values.out}: ${out.features.length} 행정동, ${vertices} vertices, ${text.length} bytes, ${gzipSync(text, { level: 9 }).length} gzip`,
);
