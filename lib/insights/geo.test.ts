import { describe, expect, it } from "vitest";
import { checkDistrictGeo, geoBounds, labelPoints, svgDistricts, type DistrictGeo } from "./geo";
import { loadDistrictGeo } from "./geo-file";

describe("district boundaries", () => {
  it("are the 25 districts, with Seoul's extent", () => {
    const geo = loadDistrictGeo();
    expect(geo.features).toHaveLength(25);
    const [[south, west], [north, east]] = geoBounds(geo);
    // Seoul spans about 37.43–37.70 °N and 126.76–127.19 °E.
    expect(south).toBeGreaterThan(37.4);
    expect(north).toBeLessThan(37.72);
    expect(west).toBeGreaterThan(126.7);
    expect(east).toBeLessThan(127.2);
  });
  it("reports files that don't fit the app's districts", () => {
    const geo = loadDistrictGeo();
    expect(checkDistrictGeo(geo)).toBeNull();
    expect(checkDistrictGeo({ type: "Feature" })).toBe("not a GeoJSON FeatureCollection");
    expect(checkDistrictGeo({ ...geo, features: geo.features.slice(1) })).toBe("missing districts 11110");
    expect(checkDistrictGeo({ ...geo, features: [...geo.features, geo.features[0]] })).toBe(
      "district 11110 appears twice",
    );
  });
  it("computes bounds as [[south, west], [north, east]], latitude first", () => {
    const square = {
      type: "FeatureCollection" as const,
      features: [
        {
          type: "Feature" as const,
          properties: { code: "x", name_ko: "x", name_en: "x" },
          geometry: {
            type: "Polygon" as const,
            coordinates: [
              [
                [127, 37.5],
                [127.1, 37.5],
                [127.1, 37.6],
                [127, 37.5],
              ],
            ],
          },
        },
      ],
    };
    expect(geoBounds(square)).toEqual([
      [37.5, 127],
      [37.6, 127.1],
    ]);
  });
  it("puts each name at the centroid of the district's largest polygon", () => {
    // A 2×2 square centred on (127.1, 37.6) and, in a MultiPolygon, a small square elsewhere.
    const square = (x: number, y: number, h: number) => [
      [
        [x - h, y - h],
        [x + h, y - h],
        [x + h, y + h],
        [x - h, y + h],
        [x - h, y - h],
      ],
    ];
    const geo: DistrictGeo = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: "a", name_ko: "a", name_en: "a" },
          geometry: { type: "Polygon", coordinates: square(127.1, 37.6, 0.01) },
        },
        {
          type: "Feature",
          properties: { code: "b", name_ko: "b", name_en: "b" },
          geometry: { type: "MultiPolygon", coordinates: [square(127, 37.5, 0.001), square(127.2, 37.4, 0.02)] },
        },
      ],
    };
    const points = labelPoints(geo);
    expect(points.a![0]).toBeCloseTo(37.6, 9);
    expect(points.a![1]).toBeCloseTo(127.1, 9);
    expect(points.b![0]).toBeCloseTo(37.4, 9);
    expect(points.b![1]).toBeCloseTo(127.2, 9);
    // Every real district gets a point inside Seoul's extent.
    const real = labelPoints(loadDistrictGeo());
    expect(Object.keys(real)).toHaveLength(25);
    for (const [lat, lng] of Object.values(real)) {
      expect(lat).toBeGreaterThan(37.4);
      expect(lng).toBeGreaterThan(126.7);
    }
  });
  it("projects to SVG north up, keeping the shape (x shrunk by cos of the latitude)", () => {
    // A square of 0.1° × 0.1° at 60 °N (cos = 0.5) is half as wide as tall: width 100 → height 200.
    const geo: DistrictGeo = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: "a", name_ko: "a", name_en: "a" },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [10, 59.95],
                [10.1, 59.95],
                [10.1, 60.05],
                [10, 60.05],
                [10, 59.95],
              ],
            ],
          },
        },
      ],
    };
    const svg = svgDistricts(geo, 100, 0);
    expect(svg.width).toBe(100);
    // cos(60.0°) = 0.5 exactly at the middle latitude.
    expect(svg.height).toBe(200);
    expect(svg.districts[0]!.path).toBe("M0 200L100 200L100 0L0 0L0 200Z");
    expect(svg.districts[0]!.label).toEqual([50, 100]);
    const real = svgDistricts(loadDistrictGeo());
    expect(real.districts).toHaveLength(25);
    // Seoul is wider than tall: about 1000 × 800.
    expect(real.height).toBeGreaterThan(700);
    expect(real.height).toBeLessThan(900);
  });
});
