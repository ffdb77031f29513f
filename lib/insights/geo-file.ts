import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkDistrictGeo, svgDistricts, type DistrictGeo, type SvgDistricts } from "./geo";

/**
 * The district boundaries, read once per server process from data/geo and drawn as SVG on the server
 * (see components/insights/DistrictMap.tsx), so the 45 KB file is never part of any client bundle.
 */
export const DISTRICT_GEO_FILE = path.join("data", "geo", "seoul-districts.geojson");

let cached: DistrictGeo | undefined;

export function loadDistrictGeo(root: string = process.cwd()): DistrictGeo {
  if (cached) return cached;
  const geo: unknown = JSON.parse(readFileSync(path.join(root, DISTRICT_GEO_FILE), "utf8"));
  const problem = checkDistrictGeo(geo);
  if (problem) throw new Error(`${DISTRICT_GEO_FILE}: ${problem}`);
  cached = geo as DistrictGeo;
  return cached;
}

let svg: SvgDistricts | undefined;

/** The districts projected to SVG paths, once per process. */
export function loadDistrictSvg(): SvgDistricts {
  svg ??= svgDistricts(loadDistrictGeo());
  return svg;
}
