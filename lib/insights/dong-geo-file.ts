import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { svgDistricts, type SvgDistricts } from "./geo";
import { checkDongGeo, type DongGeo } from "./dong-geo";

/** The 424 행정동 boundaries (data/geo/README.md), read once per server process. */
export const DONG_GEO_FILE = path.join("data", "geo", "seoul-dongs.geojson");

let geo: DongGeo | undefined;

/** The boundaries, checked once (the all-Seoul map gets them from /api/geo/dongs). */
export function loadDongGeo(root: string = process.cwd()): DongGeo {
  if (geo === undefined) {
    const parsed: unknown = JSON.parse(readFileSync(path.join(root, DONG_GEO_FILE), "utf8"));
    const problem = checkDongGeo(parsed);
    if (problem) throw new Error(`${DONG_GEO_FILE}: ${problem}`);
    geo = parsed as DongGeo;
  }
  return geo;
}

const svgs = new Map<string, SvgDistricts>();

/** One district's 행정동 projected to SVG paths (1000 units wide), once per district. */
export function dongSvgOf(districtCode: string): SvgDistricts {
  let svg = svgs.get(districtCode);
  if (!svg) {
    const all = loadDongGeo();
    svgs.set(
      districtCode,
      (svg = svgDistricts({ ...all, features: all.features.filter((f) => f.properties.district === districtCode) })),
    );
  }
  return svg;
}

let seoul: SvgDistricts | undefined;

/** All of Seoul's 행정동 projected to SVG paths (the /dongs link preview's map), once per process. */
export function loadSeoulDongSvg(): SvgDistricts {
  seoul ??= svgDistricts(loadDongGeo());
  return seoul;
}
