import { getDongPriority, getDongEffect, viewDongWindow } from "@/lib/api/dong-queries";
import { SEX_LABELS, SEXES, SERVICE_BY_ID, ageLabel, unitKind, type ServiceId } from "@/lib/domain";
import { dongLabel, type DongIndex } from "@/lib/dongs";
import type { Engine } from "@/lib/engine";
import type { DongData } from "@/lib/engine/dong-engine";
import {
  formatDecimal,
  formatInt,
  formatKoreanAmount,
  formatSigned,
  monthLabel,
  segmentLabel,
  serviceName,
} from "@/lib/format";
import type { LegendItem } from "@/lib/insights/color-scale";
import { dongEffectChoropleth, dongEffectMeasure } from "@/lib/insights/dong-map";
import {
  audiencePage,
  comparePage,
  dongPage,
  dongsPage,
  insightsPage,
  pageShapes,
  planPage,
  segmentPage,
  servicePage,
  type PlanValues,
} from "@/lib/params/pages";
import { readQuery, writeQuery, type QueryInput, type Shape, type ShapeValues } from "@/lib/params/query";
import { audienceTableSort } from "@/lib/params/values";
import {
  audienceViewRows,
  districtIndexes,
  filterText,
  lenientSegments,
  pickSummary,
  segmentId,
  sortAudienceRows,
} from "./audience";
import { dongSegmentLabel, segmentsWords } from "./dong";
import { planTitle, reachTotals } from "./plan";
import { mapGroup, serviceMap } from "./service";
import { ogImagePath } from "./share";

/**
 * The link-preview card of each page (the 1200×630 image at /og/<page>): the view's headline and its
 * top items, in Korean, computed from the same engine and query as the page. Pure data: lib/og/render.tsx
 * draws it. A page without a card builder below gets its generic card (title and what it answers).
 */
export const OG_PAGES = [
  "home",
  "segment",
  "service",
  "insights",
  "audience",
  "compare",
  "plan",
  "method",
  "dong",
  "dongs",
] as const;
export type OgPage = (typeof OG_PAGES)[number];

export function isOgPage(v: string): v is OgPage {
  return (OG_PAGES as readonly string[]).includes(v);
}

/** The page each preview belongs to. */
export const OG_PAGE_PATH: Readonly<Record<OgPage, string>> = {
  home: "/",
  segment: "/segment",
  service: "/service",
  insights: "/insights",
  audience: "/audience",
  compare: "/compare",
  plan: "/plan",
  method: "/method",
  dong: "/dong",
  dongs: "/dongs",
};

export interface OgItem {
  label: string;
  value: string;
}

/** A map on the card: each area's colour and name (lib/og/render.tsx draws the shapes). */
export interface OgMap {
  /** Which boundaries: the 25 districts, or all of Seoul's 행정동 (too many to name on a card: no names). */
  areas: "district" | "dong";
  /** Area code → fill colour. */
  fills: Record<string, string>;
  /** Area code → name, written on the area. */
  names: Record<string, string>;
  legendTitle: string;
  legend: LegendItem[];
}

export interface OgCard {
  /** The page's name, above the headline. */
  kicker: string;
  headline: string;
  /** The view's top items, at most OG_MAX_ITEMS. */
  items: OgItem[];
  /** The map the view shows, drawn beside the items (which then rank its districts). */
  map?: OgMap;
  /** One line under the items: what the figures are. */
  note: string;
  /** Attribution and months covered. */
  footer: string;
}

export const OG_MAX_ITEMS = 5;

/** Each page's name and one line on what it answers: the generic card, and the kicker of the specific ones. */
export const OG_PAGE_TEXT: Readonly<Record<OgPage, { title: string; description: string }>> = {
  home: { title: "AdTarget Seoul", description: "서울 시민생활 데이터로 어디에, 누구에게, 언제 광고할지 정합니다." },
  segment: {
    title: "고객별 맞춤형 광고",
    description: "자치구 × 성별 × 연령대 고객층이 평균보다 많이 쓰는 서비스와 그 시기",
  },
  service: { title: "서비스별 타겟 고객", description: "한 서비스를 서울 평균보다 많이 쓰는 고객층과 자치구" },
  insights: { title: "현황 분석", description: "자치구별 인구, 서비스 간 상관관계, 자치구 지도" },
  audience: { title: "고객층 고르기", description: "한 서비스의 300개 고객층을 거르고 정렬해 광고 대상을 고릅니다." },
  compare: { title: "고객층 비교", description: "고객층 2–4개의 서비스 이용을 나란히 비교합니다." },
  plan: { title: "예산 계획", description: "예산과 CPM으로 고객층 × 월별 노출 수를 나눕니다." },
  method: {
    title: "분석 방법",
    description: "자료의 출처, 집계 방법, z·상관계수·자치구 효과·예산 배분 규칙을 설명합니다.",
  },
  dong: {
    title: "행정동 고객층",
    description: "행정동 × 성별 × 연령대 고객층이 서울의 다른 행정동 고객층보다 많이 쓰는 서비스",
  },
  dongs: { title: "서울 행정동 지도", description: "서울의 행정동을 한 서비스의 이용으로 비교한 지도" },
};

/**
 * The query shape a page's preview reads: the page's own, once registered in lib/params/pages.ts.
 * `months` are the link's window's (/plan's campaign months), `dongs` the dataset's 행정동 (/dong's codec).
 */
export function ogShape(page: OgPage, months: readonly string[], dongs?: DongIndex): Shape {
  const shapes: Record<string, Shape> = pageShapes(months, dongs);
  return shapes[OG_PAGE_PATH[page]] ?? {};
}

/**
 * The preview's canonical URL (its cache key): the page's shape decides which parameters count and
 * how they are written, so spellings of one view share one image and unknown parameters are ignored.
 * Invalid values read as their defaults, as the page renders them.
 */
export function ogCanonicalPath(page: OgPage, query: QueryInput, months: readonly string[], dongs?: DongIndex): string {
  const shape = ogShape(page, months, dongs);
  return ogImagePath(OG_PAGE_PATH[page], writeQuery(shape, ogValues(page, query, shape)));
}

/**
 * The values a preview shows, as its page reads them: /compare's and /plan's `segments` and /audience's
 * `pick` keep the valid ids of a partly bad list (lib/views/audience.ts readSegmentsLeniently), like the pages.
 */
/** /compare (2–4) and /plan (up to 50): the valid ids of the list, or none given (the page's default). */
function planOrCompareSegments(page: "compare" | "plan", query: QueryInput) {
  const { items } = lenientSegments(query, "segments", page === "compare" ? 4 : 50);
  return items.length ? items : undefined;
}

function ogValues(page: OgPage, query: QueryInput, shape: Shape): Record<string, unknown> {
  const values: Record<string, unknown> = { ...readQuery(query, shape).values };
  if (page === "compare" || page === "plan") values.segments = planOrCompareSegments(page, query);
  if (page === "audience") values.pick = lenientSegments(query, "pick", 300).items;
  return values;
}

/** Attribution and the months the figures cover. */
function footerText(attribution: string, months: readonly string[]): string {
  const span = months.length ? ` · ${monthLabel(months[0]!)}–${monthLabel(months.at(-1)!)} (${months.length}개월)` : "";
  return `자료: ${attribution}${span}`;
}

const footerOf = (engine: Engine) => footerText(engine.meta.attribution, engine.months);

/** A page's values as the page renders them: every parameter of these shapes has a default. */
function valuesOf<S extends Shape>(query: QueryInput, shape: S): ShapeValues<S> {
  return readQuery(query, shape).values as ShapeValues<S>;
}

const zText = (z: number | null) => (z === null ? "z 없음" : `z ${formatSigned(z)}`);

function genericCard(page: OgPage, engine: Engine): OgCard {
  const { title, description } = OG_PAGE_TEXT[page];
  return { kicker: "AdTarget Seoul", headline: title, items: [], note: description, footer: footerOf(engine) };
}

function homeCard(engine: Engine): OgCard {
  return {
    kicker: "AdTarget Seoul",
    headline: "서울에서 어디에, 누구에게, 언제 광고할까",
    items: [
      { label: "어디에", value: "25개 자치구와 그 구의 인구" },
      { label: "누구에게", value: "성별 × 연령대 고객층이 평균보다 많이 쓰는 서비스" },
      { label: "언제", value: "고객층이 다른 고객층보다 두드러지는 달" },
    ],
    note: "게임·금융·쇼핑·동영상/방송·유튜브·넷플릭스·배달 7개 서비스, 300개 고객층",
    footer: footerOf(engine),
  };
}

function segmentCard(query: QueryInput, engine: Engine): OgCard {
  const { district, sex, age } = valuesOf(query, segmentPage);
  const kicker = OG_PAGE_TEXT.segment.title;
  const note = `z: 이 고객층의 ${engine.months.length}개월 평균 이용이 300개 고객층 평균보다 표준편차 몇 배 높은지`;
  if (sex === "T") {
    // A segment is one sex: the page asks to choose; the preview shows each sex's first priority.
    return {
      kicker,
      headline: `${district.name_ko} ${age}대: 성별을 골라 주세요`,
      items: SEXES.map((s) => {
        const top = engine.priority({ district, sex: s, age }).overall[0]!;
        return { label: `${SEX_LABELS[s]} 1순위`, value: `${serviceName(top.service)} · ${zText(top.z)}` };
      }),
      note,
      footer: footerOf(engine),
    };
  }
  const { overall } = engine.priority({ district, sex, age });
  return {
    kicker,
    headline: `${segmentLabel(district.name_ko, sex, age)} 광고 우선순위`,
    items: overall
      .slice(0, OG_MAX_ITEMS)
      .map((s) => ({ label: `${s.rank}위 ${serviceName(s.service)}`, value: zText(s.z) })),
    note,
    footer: footerOf(engine),
  };
}

/**
 * /service's preview is the map its link names: the district effect of the link's sex × age (the top
 * target's group when the link has neither, as the page), with the five districts using it most.
 */
function serviceCard(query: QueryInput, engine: Engine): OgCard {
  const { service, sex, age } = valuesOf(query, servicePage);
  const group = mapGroup({ sex, age }, engine.targets(service, 1)[0]);
  const map = serviceMap(service, group, engine.districtEffect(service, group.sex, group.age), () => "F");
  return {
    kicker: OG_PAGE_TEXT.service.title,
    headline: map.label,
    items: map.districts.slice(0, OG_MAX_ITEMS).map((d) => ({ label: `${d.rank}. ${d.name}`, value: d.valueText })),
    map: {
      areas: "district",
      fills: Object.fromEntries(map.districts.map((d) => [d.code, d.fill])),
      names: Object.fromEntries(map.districts.map((d) => [d.code, d.name])),
      legendTitle: map.legendTitle,
      legend: map.legend,
    },
    note:
      unitKind(service) === "count"
        ? `같은 성별·연령대의 25개 구 평균 = 100 · 빨강: 많이 씀, 파랑: 적게 씀`
        : `같은 성별·연령대의 25개 구 사이 z · 빨강: 많이 씀, 파랑: 적게 씀`,
    footer: footerOf(engine),
  };
}

/** A district effect in its metric's real meaning: an index where the unit allows ratios, else z. */
function effectText(service: ServiceId, index: number | null, districtZ: number | null): string {
  return unitKind(service) === "count" && index !== null ? `지수 ${formatInt(index)}` : zText(districtZ);
}

function insightsCard(query: QueryInput, engine: Engine): OgCard {
  const { age, sex, metric } = valuesOf(query, insightsPage);
  const kicker = OG_PAGE_TEXT.insights.title;
  const footer = footerOf(engine);
  if (metric === "average-age") {
    // Average age is over every age band, so only the sex filter applies.
    return {
      kicker,
      headline: `평균 연령이 높은 자치구 (${SEX_LABELS[sex]}, 모든 연령대)`,
      items: engine
        .averageAge(sex)
        .slice(0, OG_MAX_ITEMS)
        .map((d) => ({ label: `${d.rank}. ${d.district.name_ko}`, value: `${formatDecimal(d.averageAge, 1)}세` })),
      note: "연령대 가운데값(20대 → 25세 … 70대 이상 → 75세)을 인구로 가중한 평균",
      footer,
    };
  }
  if (metric === "population") {
    return {
      kicker,
      headline: `${age}대 ${SEX_LABELS[sex]} 인구가 많은 자치구`,
      items: engine
        .population(age, sex)
        .slice(0, OG_MAX_ITEMS)
        .map((d) => ({ label: `${d.rank}. ${d.district.name_ko}`, value: `${formatInt(d.population)}명` })),
      note: `${engine.months.length}개월 평균 거주 인구`,
      footer,
    };
  }
  const service: ServiceId = metric;
  return {
    kicker,
    headline: `${age}대 ${SEX_LABELS[sex]}: ${SERVICE_BY_ID[service].name_ko} 이용이 많은 자치구`,
    items: engine
      .districtEffect(service, sex, age)
      .slice(0, OG_MAX_ITEMS)
      .map((d) => ({ label: `${d.rank}. ${d.district.name_ko}`, value: effectText(service, d.index, d.districtZ) })),
    note:
      unitKind(service) === "count"
        ? "자치구 효과: 같은 성별·연령대의 25개 구 평균을 100으로 둔 지수"
        : "자치구 효과: 같은 성별·연령대의 25개 구 사이 z (표준화 지수라 비율은 쓰지 않음)",
    footer,
  };
}

function methodCard(engine: Engine): OgCard {
  return {
    kicker: "AdTarget Seoul",
    headline: "분석 방법",
    items: [
      { label: "자료", value: "서울 열린데이터 광장 「서울 시민생활 데이터」 (SK텔레콤 기반)" },
      { label: "비교", value: "서비스마다 단위가 달라 서울 평균 대비 z로 비교" },
      { label: "주의", value: `상관계수 r은 ${engine.months.length}개월 값에서 계산해 불안정` },
    ],
    note: OG_PAGE_TEXT.method.description,
    footer: footerOf(engine),
  };
}

/** "2023년 6월–8월 (3개월)", or the months listed when they are not consecutive. */
export function monthsText(chosen: readonly string[], all: readonly string[]): string {
  if (!chosen.length) return "–";
  const idx = chosen.map((m) => all.indexOf(m));
  const consecutive = idx.every((i, k) => k === 0 || i === idx[k - 1]! + 1);
  const first = monthLabel(chosen[0]!);
  if (chosen.length === 1) return first;
  const last = chosen.at(-1)!;
  const lastText = last.slice(0, 4) === chosen[0]!.slice(0, 4) ? `${Number(last.slice(5))}월` : monthLabel(last);
  return consecutive
    ? `${first}–${lastText} (${chosen.length}개월)`
    : `${chosen.map((m) => monthLabel(m)).join(", ")} (${chosen.length}개월)`;
}

/** /plan: the plan's service, budget, impressions, reach range, months and audience, computed as the page does. */
function planCard(query: QueryInput, engine: Engine): OgCard {
  const segments = planOrCompareSegments("plan", query);
  const values = { ...valuesOf(query, planPage(engine.months)), segments } as PlanValues;
  const allMonths = values.months.length === engine.months.length;
  const outcome = engine.plan({ ...values, segments, months: allMonths ? undefined : values.months });
  const kicker = OG_PAGE_TEXT.plan.title;
  const headline = planTitle(values.service, values.budget);
  const period = monthsText(values.months, engine.months);
  if (!outcome.ok)
    return {
      kicker,
      headline,
      items: [{ label: "기간", value: period }],
      note: outcome.reason,
      footer: footerOf(engine),
    };
  const { plan } = outcome;
  const reach = reachTotals(plan)[0]!;
  const audience = values.segments
    ? `고른 고객층 ${plan.segments.length}개`
    : `상위 타겟 ${plan.segments.length}개 고객층`;
  return {
    kicker,
    headline,
    items: [
      { label: "서비스", value: serviceName(plan.service) },
      { label: "예산", value: `${formatKoreanAmount(plan.budget, "원")} (CPM ${formatInt(plan.cpm)}원)` },
      { label: "노출 수", value: `${formatKoreanAmount(plan.impressions, "회")}` },
      // Reach is the model's range, never one number (lib/engine/reach.ts).
      { label: reach.label, value: reach.compact },
      { label: "기간", value: period },
      {
        label: "대상",
        value: `${audience} · 인구 ${formatKoreanAmount(
          plan.segments.reduce((a, s) => a + s.population, 0),
          "명",
        )}`,
      },
    ],
    note: `도달은 추정 범위(도달 가능 ${formatInt(plan.reachable)}%, 모양 k ${plan.shape} 가정) · 1인당 월 ${formatInt(plan.cap)}회 상한 · 인구는 거주자 수 · 광고 반응 예측 아님`,
    footer: footerOf(engine),
  };
}

/** /compare: each compared segment with the chosen service's z and its own first priority. */
function compareCard(query: QueryInput, engine: Engine): OgCard {
  const { service, basis } = valuesOf(query, comparePage);
  const { items: segments } = lenientSegments(query, "segments", 4);
  const kicker = OG_PAGE_TEXT.compare.title;
  if (segments.length < 2) return { ...genericCard("compare", engine), kicker };
  const compared = engine.compare(segments, basis);
  const name = serviceName(service);
  return {
    kicker,
    headline: `고객층 ${compared.length}개 비교: ${name}`,
    items: compared.map((c) => {
      const chosen = c.overall.find((o) => o.service === service)!;
      const top = c.overall[0]!;
      return {
        label: segmentLabel(c.segment.district.name_ko, c.segment.sex, c.segment.age),
        value: `${name} ${zText(chosen.z)} (${chosen.rank}위) · 1순위 ${serviceName(top.service)}`,
      };
    }),
    note: `z: ${engine.months.length}개월 평균 이용의 300개 고객층 대비 표준점수 · 순위는 그 고객층 안의 7개 서비스 순서`,
    footer: footerOf(engine),
  };
}

/** /audience: the picked segments' totals when there are picks, else the filtered table's first rows in its sort. */
function audienceCard(query: QueryInput, engine: Engine): OgCard {
  const { service, sex, age, district, sort, grain } = valuesOf(query, audiencePage);
  const picks = lenientSegments(query, "pick", 300).items;
  const name = serviceName(service);
  const kicker = OG_PAGE_TEXT.audience.title;
  // The 행정동 grain's figures are not drawn here (yet): its card says what the page is, not the district rows.
  if (grain === "dong")
    return { ...genericCard("audience", engine), kicker, headline: `${name} 광고 오디언스: 행정동 고객층` };
  const note = `z: ${name} ${engine.months.length}개월 평균 이용의 300개 고객층 대비 표준점수 · 인구는 거주자 수(이용자 수 아님)`;
  const all = { sort: "z" as const, limit: 300, offset: 0 };
  if (picks.length) {
    const ids = new Set(picks.map(segmentId));
    const picked = engine.audience(service, all).segments.filter((r) => ids.has(segmentId(r.segment)));
    const summary = pickSummary(picked);
    return {
      kicker,
      headline: `${name} 광고 오디언스: 고른 고객층 ${picked.length}개`,
      items: [
        { label: "인구 합계", value: formatKoreanAmount(summary.population, "명") },
        { label: "평균 z (인구 가중)", value: formatSigned(summary.meanZ) },
        ...picked.slice(0, OG_MAX_ITEMS - 2).map((r) => ({
          label: segmentLabel(r.segment.district.name_ko, r.segment.sex, r.segment.age),
          value: zText(r.z),
        })),
      ],
      note,
      footer: footerOf(engine),
    };
  }
  const rows = engine.audience(service, { ...all, sex: sex === "T" ? undefined : sex, age, district }).segments;
  const sorted = sortAudienceRows(audienceViewRows(rows, service, districtIndexes(engine, service)), sort);
  const sortLabel = audienceTableSort.allowed.values!.find((a) => a.value === sort)!.label;
  return {
    kicker,
    headline: `${name} 고객층 ${formatInt(sorted.length)}개 · ${sortLabel}`,
    items: sorted
      .slice(0, OG_MAX_ITEMS)
      .map((r, i) => ({ label: `${i + 1}. ${r.label}`, value: `점수 ${formatInt(r.score)} · ${zText(r.z)}` })),
    note: `${filterText({ sex, age, district })} · ${note}`,
    footer: footerOf(engine),
  };
}

/**
 * /dong: the 행정동 segment's first priorities over the window of its 행정동 figures (the link's from/to
 * where that window has them, as the page shows it); without a 행정동 the generic card.
 */
function dongCard(query: QueryInput, engine: Engine, data: DongData): OgCard {
  const { dong, sex, age, from, to } = valuesOf(query, dongPage(data.index));
  const view = viewDongWindow(data, from, to);
  if (!dong || !view || !sex || !age) return genericCard("dong", engine);
  const { overall } = getDongPriority(data, dong, { sex, age, window: view.window });
  const segments = data.window(view.window).panel.segments.length;
  return {
    kicker: OG_PAGE_TEXT.dong.title,
    headline: `${dongSegmentLabel(dong, sex, age)} 광고 우선순위`,
    items: overall
      .slice(0, OG_MAX_ITEMS)
      .map((s) => ({ label: `${s.rank}위 ${serviceName(s.service)}`, value: zText(s.z) })),
    note: `z: 이 고객층의 ${view.window.months.length}개월 평균 이용이 서울 ${segmentsWords(segments)} 평균보다 표준편차 몇 배 높은지`,
    footer: footerText(engine.meta.attribution, view.window.months),
  };
}

/** /dongs: the map its link names — every 행정동 coloured by the service's 행정동 effect — and the five using it most. */
function dongsCard(query: QueryInput, engine: Engine, data: DongData): OgCard {
  const { service, sex, age, from, to } = valuesOf(query, dongsPage);
  const name = serviceName(service);
  const headline = `${ageLabel(age)} ${SEX_LABELS[sex]}: ${name} 이용이 많은 행정동`;
  const view = viewDongWindow(data, from, to, service);
  const kicker = OG_PAGE_TEXT.dongs.title;
  if (!view)
    return {
      kicker,
      headline,
      items: [],
      note: `이 자료에는 ${name}의 행정동 단위 자료가 없습니다.`,
      footer: footerOf(engine),
    };
  const effect = getDongEffect(data, service, { sex, age, window: view.window }).dongs;
  const map = dongEffectChoropleth(service, headline, effect);
  const dongOf = new Map(effect.map((d) => [d.dong.code, d.dong]));
  return {
    kicker,
    headline,
    items: map.districts
      .slice(0, OG_MAX_ITEMS)
      .map((d) => ({ label: `${d.rank}. ${dongLabel(dongOf.get(d.code)!)}`, value: d.valueText })),
    map: {
      areas: "dong",
      fills: Object.fromEntries(map.districts.map((d) => [d.code, d.fill])),
      names: {},
      legendTitle: map.legendTitle,
      legend: map.legend,
    },
    note: `${dongEffectMeasure(service, effect.length).kind === "index" ? `같은 성별·연령대의 ${effect.length}개 동 평균 = 100` : `같은 성별·연령대의 ${effect.length}개 동 사이 z`} · 빨강: 많이 씀, 파랑: 적게 씀`,
    footer: footerText(engine.meta.attribution, view.window.months),
  };
}

/** The 행정동 pages' cards: they read the dataset's 행정동 side (built on first use, so only when asked for). */
const DONG_CARDS: Partial<Record<OgPage, (query: QueryInput, engine: Engine, data: DongData) => OgCard>> = {
  dong: dongCard,
  dongs: dongsCard,
};

/**
 * The card builders of the pages with a view-specific preview. A page not listed here (or in
 * DONG_CARDS) shows its generic card; adding one is one line here.
 */
const CARDS: Partial<Record<OgPage, (query: QueryInput, engine: Engine) => OgCard>> = {
  home: (_q, e) => homeCard(e),
  segment: segmentCard,
  service: serviceCard,
  insights: insightsCard,
  plan: planCard,
  compare: compareCard,
  audience: audienceCard,
  method: (_q, e) => methodCard(e),
};

export function ogCard(page: OgPage, query: QueryInput, engine: Engine, dongData?: () => DongData): OgCard {
  const dong = DONG_CARDS[page];
  if (dong) return dongData ? dong(query, engine, dongData()) : genericCard(page, engine);
  const build = CARDS[page];
  return build ? build(query, engine) : genericCard(page, engine);
}
