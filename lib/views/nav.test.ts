import { describe, expect, it } from "vitest";
import { optional } from "@/lib/params/param";
import { pageShapes } from "@/lib/params/pages";
import * as v from "@/lib/params/values";
import { carriedHref, NAV_PAGES } from "./nav";

const shapes = pageShapes([]);
const q = (s: string) => new URLSearchParams(s);

describe("carriedHref", () => {
  it("carries the segment from /segment to a page with age and sex, in that page's canonical form", () => {
    // /insights has age and sex (not district); its default sex is T, so F is written.
    expect(carriedHref("/insights", q("district=mapo-gu&sex=F&age=30"), shapes)).toBe("/insights?age=30&sex=F");
    expect(carriedHref("/segment", q("district=Mapo-gu&sex=m&age=30"), shapes)).toBe(
      "/segment?district=mapo-gu&sex=M&age=30",
    );
  });
  it("carries the service between pages that have one, and nothing to pages that have none", () => {
    // /service has age and sex (the map's group) and the default service is delivery, so only the age is written.
    expect(carriedHref("/service", q("service=배달&age=30"), shapes)).toBe("/service?age=30");
    expect(carriedHref("/service", q("service=game"), shapes)).toBe("/service?service=game");
    expect(carriedHref("/method", q("service=game&district=mapo-gu"), shapes)).toBe("/method");
  });
  it("carries only what the URL states and the target's codec accepts", () => {
    expect(carriedHref("/segment", q("age=99&district=nowhere&sex=F"), shapes)).toBe("/segment");
    // Other parameters (the map's metric, open tables) stay on their page.
    expect(carriedHref("/segment", q("metric=population&table=map"), shapes)).toBe("/segment");
  });
  it("links a page whose shape is not registered without parameters, and uses its shape once it is", () => {
    expect(carriedHref("/future", q("service=game"), shapes)).toBe("/future");
    const withFuture = {
      ...shapes,
      "/future": { service: optional("service", v.service, "delivery" as const), budget: optional("budget", v.budget) },
    };
    expect(carriedHref("/future", q("service=game&budget=5000000"), withFuture)).toBe("/future?service=game");
  });
  it("carries the service into /plan, whose other inputs stay its own", () => {
    expect(carriedHref("/plan", q("service=game&budget=5000000"), shapes)).toBe("/plan?service=game");
  });
  it("carries the analysis window (from, to) to every page that summarizes months, not to /method", () => {
    expect(carriedHref("/service", q("from=2022-01&to=2023-09&service=game"), shapes)).toBe(
      "/service?service=game&from=2022-01&to=2023-09",
    );
    expect(carriedHref("/insights", q("from=202201"), shapes)).toBe("/insights?from=2022-01");
    expect(carriedHref("/plan", q("from=2022-01&to=2022-12"), shapes)).toBe("/plan?from=2022-01&to=2022-12");
    expect(carriedHref("/method", q("from=2022-01&to=2022-12"), shapes)).toBe("/method");
    expect(carriedHref("/segment", q("from=2022-13"), shapes)).toBe("/segment");
  });
  it("lists every page, the planner pages and /method included", () => {
    expect(NAV_PAGES.map((p) => p.path)).toEqual([
      "/insights",
      "/segment",
      "/service",
      "/audience",
      "/compare",
      "/plan",
      "/method",
    ]);
  });
});
