import type { AnySegment } from "@/lib/domain";
import { DongIndex } from "@/lib/dongs";
import { dongCodec } from "./dong";
import { DEFAULT_CAP, DEFAULT_REACHABLE, DEFAULT_SHAPE, windowQuery } from "./api";
import { DEFAULT_SERVICE, INSIGHTS_DEFAULTS, SEGMENT_DEFAULTS } from "./defaults";
import { optional } from "./param";
import type { Shape, ShapeValues } from "./query";
import * as v from "./values";

/**
 * Each page's URL state: every parameter optional, with the default a bare link shows. The server
 * page reads it with readQuery, client controls with the nuqs parsers made from the same shape
 * (lib/params/nuqs.ts), and links are written with hrefOf — only non-default values.
 */
export const segmentPage = {
  district: optional("district", v.district, SEGMENT_DEFAULTS.district),
  // T is read so the page can explain that a segment is one sex, and link to both.
  sex: optional("sex", v.sexFilter, SEGMENT_DEFAULTS.sex),
  age: optional("age", v.age, SEGMENT_DEFAULTS.age),
  // The trend chart: its basis, one service on its own scale (left out: all seven as an index), and
  // the lines hidden in the index view.
  basis: optional("basis", v.basis, "month"),
  service: optional("service", v.service),
  hide: optional("hide", v.serviceSet),
  // The chart frames whose table view is open ("표로 보기"), so a shared link opens the same ones.
  table: optional("table", v.tableIds, []),
  // The analysis window (left out: the dataset's default window), the same two parameters on every page.
  ...windowQuery,
} satisfies Shape;

/** The district whose 행정동 map a district map opened (/insights with a service, /service). */
const dongMap = { ...optional("dongmap", v.district), label: "행정동 지도의 자치구" };

export const insightsPage = {
  age: optional("age", v.age, INSIGHTS_DEFAULTS.age),
  sex: optional("sex", v.sexFilter, INSIGHTS_DEFAULTS.sex),
  metric: optional("metric", v.insightMetric, INSIGHTS_DEFAULTS.metric),
  ...windowQuery,
  dongmap: dongMap,
} satisfies Shape;

export const servicePage = {
  service: optional("service", v.service, DEFAULT_SERVICE),
  // The district map's group. Their default is the top target's group, which depends on the data and
  // the service, so the shape leaves them without one and the page resolves it (lib/views/service.ts).
  sex: optional("sex", v.sexFilter),
  age: optional("age", v.age),
  // The targets table's "함께 움직이는 서비스": season-adjusted r, or the raw 2023-method r.
  related: { ...optional("related", v.relatedMethod, "adjusted" as v.RelatedMethod), label: "연관 서비스 계산" },
  ...windowQuery,
  dongmap: dongMap,
} satisfies Shape;

const dongPages = new WeakMap<DongIndex, ReturnType<typeof buildDongPage>>();

function buildDongPage(index: DongIndex) {
  return {
    // No default: a 행정동 page always names its 행정동 (without one the page offers the ways to pick one).
    dong: optional("dong", dongCodec(index)),
    sex: optional("sex", v.sex, SEGMENT_DEFAULTS.sex),
    age: optional("age", v.age, SEGMENT_DEFAULTS.age),
    // Left out: the months with 행정동 figures; a window without them falls back to those, and says so.
    ...windowQuery,
  } satisfies Shape;
}

/** /dong: one 행정동 segment (행정동 × sex × age band) over the window of its 행정동 figures. */
export function dongPage(index: DongIndex) {
  let shape = dongPages.get(index);
  if (!shape) dongPages.set(index, (shape = buildDongPage(index)));
  return shape;
}

/** /dongs: the all-Seoul map of the 424 행정동, coloured by one service's 행정동 effect. */
export const dongsPage = {
  service: optional("service", v.service, DEFAULT_SERVICE),
  sex: optional("sex", v.sexFilter, "T"),
  age: optional("age", v.age, SEGMENT_DEFAULTS.age),
  ...windowQuery,
} satisfies Shape;

/** Without a dataset (the header's links), /dong knows no 행정동 and carries none. */
const NO_DONGS = new DongIndex([]);

/** /plan's example inputs: a 5,000만 원 campaign at an illustrative CPM the planner replaces with their own. */
export const PLAN_DEFAULTS = { budget: 50_000_000, cpm: 5_000 } as const;

const planPages = new WeakMap<readonly string[], ReturnType<typeof buildPlanPage>>();

function buildPlanPage(months: readonly string[]) {
  return {
    service: optional("service", v.service, DEFAULT_SERVICE),
    budget: optional("budget", v.budget, PLAN_DEFAULTS.budget),
    cpm: optional("cpm", v.cpm, PLAN_DEFAULTS.cpm),
    cap: optional("cap", v.cap, DEFAULT_CAP),
    reachable: optional("reachable", v.reachable, DEFAULT_REACHABLE),
    shape: optional("shape", v.shape, DEFAULT_SHAPE),
    months: optional("months", v.monthListCodec(months), [...months]),
    // Left out: the service's top 10 targets, which depend on the data, so the page resolves them.
    segments: optional("segments", v.planSegments),
    ...windowQuery,
  } satisfies Shape;
}

/** /plan: the dataset's months are its campaign months, so the shape is built (once) per month list. */
export function planPage(months: readonly string[]) {
  let shape = planPages.get(months);
  if (!shape) planPages.set(months, (shape = buildPlanPage(months)));
  return shape;
}

export type PlanShape = ReturnType<typeof planPage>;
/** /plan's inputs as read: every one given or defaulted, the segments left out meaning "the top 10". */
export type PlanValues = Omit<ShapeValues<PlanShape>, "segments"> & { segments?: AnySegment[] };

/**
 * /audience: the service's 300 segments (or, at the 행정동 grain, its 행정동 segments), filtered (sex T =
 * both; age and district left out = all), sorted by any column either way, paged by 50, and the ticked
 * segments (`pick`, up to 300, of the grain shown).
 */
export const audiencePage = {
  service: optional("service", v.service, DEFAULT_SERVICE),
  // Left out: the district grain, so every older link shows what it showed.
  grain: optional("grain", v.grain, "district" as const),
  sex: optional("sex", v.sexFilter, "T"),
  age: optional("age", v.age),
  district: optional("district", v.district),
  sort: optional("sort", v.audienceTableSort, "score-desc"),
  // The table shows 50 rows from here (sorting and filtering act on all of them).
  offset: optional("offset", v.tableOffset, 0),
  pick: optional("pick", v.pickedSegments, []),
  ...windowQuery,
} satisfies Shape;

/**
 * /compare: 2–4 segments side by side and one service's monthly trend for all of them. Per day by
 * default: a count service's monthly totals compare across months only per day (February has 28).
 * The page reads `segments` leniently too (readList), keeping the valid ids of a partly bad link.
 */
export const comparePage = {
  segments: optional("segments", v.compareSegments),
  service: optional("service", v.service, DEFAULT_SERVICE),
  basis: optional("basis", v.basis, "day"),
  ...windowQuery,
} satisfies Shape;

/**
 * Every page's shape by path, for the server's canonical URLs and the test that every parameter goes
 * through a codec. Some codecs need the dataset's months, known only once it is loaded.
 */
export function pageShapes(months: readonly string[], dongs: DongIndex = NO_DONGS) {
  return {
    "/": {},
    "/segment": segmentPage,
    "/insights": insightsPage,
    "/service": servicePage,
    "/audience": audiencePage,
    "/compare": comparePage,
    "/plan": planPage(months),
    // The method page has no parameters: one canonical URL, cached like the others.
    "/method": {},
    "/dong": dongPage(dongs),
    "/dongs": dongsPage,
  } as const satisfies Record<string, Shape>;
}

export type PagePath = keyof ReturnType<typeof pageShapes>;
