import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { checkDongGeo, findCrossing, polygonsOf, ringArea2, type DongGeo } from "./dong-geo";

const served = path.join("data", "geo", "seoul-dongs.geojson");
const text = readFileSync(served, "utf8");
const geo = JSON.parse(text) as DongGeo;
/** The unsimplified source (scripts/simplify-dongs.ts reads it); beside the repo, not in it. */
const source = path.join("..", "shared", "geo", "seoul-dongs-424.geojson");

const area = (f: { geometry: DongGeo["features"][number]["geometry"] }) =>
  polygonsOf(f).reduce(
    (s, poly) => s + poly.reduce((t, ring, i) => t + (i === 0 ? 1 : -1) * Math.abs(ringArea2(ring)), 0),
    0,
  ) / 2;

describe("served 행정동 boundaries (data/geo/seoul-dongs.geojson)", () => {
  it("are 424 valid polygons, one per code, neighbours' edges never crossing", () => {
    expect(geo.features).toHaveLength(424);
    expect(checkDongGeo(geo)).toBeNull();
  });
  it("stay within 250 KB gzip", () => {
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(250_000);
  });
  it.skipIf(!existsSync(source))("keep every code's polygon: its area within 3% of the unsimplified source's", () => {
    const src = JSON.parse(readFileSync(source, "utf8")) as {
      features: { properties: { adm_cd: string }; geometry: Polygon }[];
    };
    const byCode = new Map(geo.features.map((f) => [f.properties.code, f]));
    expect([...byCode.keys()].sort()).toEqual(src.features.map((f) => f.properties.adm_cd).sort());
    for (const f of src.features) {
      const a = area(f),
        b = area(byCode.get(f.properties.adm_cd)!);
      expect(Math.abs(b - a) / a, f.properties.adm_cd).toBeLessThan(0.03);
    }
  });
});

describe("checkDongGeo", () => {
  const square = (x: number, y: number, h: number) => [
    [x - h, y - h],
    [x + h, y - h],
    [x + h, y + h],
    [x - h, y + h],
    [x - h, y - h],
  ];
  const fc = (...rings: number[][][]) => ({
    type: "FeatureCollection",
    features: rings.map((ring, i) => ({
      type: "Feature",
      properties: { code: `110105${i}`, name_ko: "x", district: "11110" },
      geometry: { type: "Polygon", coordinates: [ring] },
    })),
  });
  it("accepts two squares sharing a border", () => {
    expect(checkDongGeo(fc(square(127, 37.5, 0.01), square(127.02, 37.5, 0.01)))).toBeNull();
  });
  it("names the problem", () => {
    expect(checkDongGeo({ type: "Feature" })).toBe("not a GeoJSON FeatureCollection");
    expect(checkDongGeo(fc(square(127, 37.5, 0.01).slice(0, 4)))).toBe("행정동 1101050 has an open ring");
    expect(
      checkDongGeo(
        fc([
          [127, 37.5],
          [127.01, 37.5],
          [127, 37.5],
        ]),
      ),
    ).toBe("행정동 1101050 has a ring of 3 positions");
    expect(
      checkDongGeo(
        fc([
          [127, 37.5],
          [127.01, 37.5],
          [127.02, 37.5],
          [127, 37.5],
        ]),
      ),
    ).toBe("행정동 1101050 has a ring of zero area");
    // A lopsided bow tie: (0,0) → (2,1) → (2,0) → (0,2) → (0,0) crosses itself.
    expect(
      checkDongGeo(
        fc([
          [127, 37.5],
          [127.02, 37.51],
          [127.02, 37.5],
          [127, 37.52],
          [127, 37.5],
        ]),
      ),
    ).toMatch(/cross/);
    // Two squares overlapping by half.
    expect(findCrossing(fc(square(127, 37.5, 0.01), square(127.01, 37.505, 0.01)) as DongGeo)).toMatch(
      /1101050 and 1101051|1101051 and 1101050/,
    );
    expect(checkDongGeo(fc(square(127, 37.5, 0.01)), ["1101050", "1101099"])).toBe("missing 행정동 1101099");
  });
});
