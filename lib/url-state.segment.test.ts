import { describe, expect, it } from "vitest";
import { INSIGHT_METRICS, insightsPageShape, segmentPageShape } from "./page-params";
import {
  INSIGHT_METRIC_VALUES,
  INSIGHTS_PAGE_DEFAULTS,
  insightsParsers,
  SEGMENT_PAGE_DEFAULTS,
  segmentParsers,
  serializeInsights,
  serializeSegment,
} from "./url-state";

describe("segment URL state", () => {
  it("has the server's defaults", () => {
    expect(SEGMENT_PAGE_DEFAULTS.district).toBe(segmentPageShape.district.optional.fallback.slug);
    expect(SEGMENT_PAGE_DEFAULTS.sex).toBe(segmentPageShape.sex.optional.fallback);
    expect(SEGMENT_PAGE_DEFAULTS.age).toBe(segmentPageShape.age.optional.fallback);
  });
  it("accepts a district by code, slug or Korean name and writes the slug", () => {
    expect(segmentParsers.district.parse("11680")).toBe("gangnam-gu");
    expect(segmentParsers.district.parse("gangnam-gu")).toBe("gangnam-gu");
    expect(segmentParsers.district.parse("강남구")).toBe("gangnam-gu");
    expect(segmentParsers.district.parse("nowhere")).toBeNull();
    expect(serializeSegment("/segment", { district: "mapo-gu", sex: "M", age: 30 })).toBe("/segment?district=mapo-gu&sex=M&age=30");
  });
  it("rejects sexes and ages the server rejects", () => {
    expect(segmentParsers.sex.parse("M")).toBe("M");
    expect(segmentParsers.sex.parse("T")).toBeNull();
    expect(segmentParsers.age.parse("70")).toBe(70);
    expect(segmentParsers.age.parse("25")).toBeNull();
  });
  it("leaves the defaults out of links", () => {
    expect(serializeSegment("/segment", { district: "gangnam-gu", sex: "F", age: 20 })).toBe("/segment");
  });
});

describe("insights URL state", () => {
  it("has the server's defaults and metrics", () => {
    expect(INSIGHT_METRIC_VALUES).toEqual(INSIGHT_METRICS);
    expect(INSIGHTS_PAGE_DEFAULTS.age).toBe(insightsPageShape.age.optional.fallback);
    expect(INSIGHTS_PAGE_DEFAULTS.sex).toBe(insightsPageShape.sex.optional.fallback);
    expect(INSIGHTS_PAGE_DEFAULTS.metric).toBe(insightsPageShape.metric.optional.fallback);
    expect(insightsParsers.sex.parse("T")).toBe("T");
    expect(insightsParsers.metric.parse("population")).toBe("population");
    expect(serializeInsights("/insights", { age: 40, sex: "M", metric: "population" })).toBe("/insights?age=40&sex=M&metric=population");
  });
});
