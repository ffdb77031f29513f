import { isDongSegment, type ServiceId } from "@/lib/domain";
import type { DongIndex } from "@/lib/dongs";
import { viewDongWindow } from "@/lib/api/dong-queries";
import type { DongData } from "@/lib/engine/dong-engine";
import { normalizeRaw } from "@/lib/params/codec";
import { DEFAULT_SERVICE } from "@/lib/params/defaults";
import { optional } from "@/lib/params/param";
import * as v from "@/lib/params/values";
import type { Engines } from "@/lib/engine/windows";
import { windowQuery } from "@/lib/params/api";
import { pageShapes, type PagePath } from "@/lib/params/pages";
import { readQuery, writeQuery } from "@/lib/params/query";

/**
 * The canonical URL of a page request: its path with only the non-default values, each written by its
 * codec — so /segment?district=강남구&sex=f and /segment?sex=F&district=gangnam-gu are one page, rendered
 * and cached once. A link with an invalid value keeps its own spelling (the page explains the value)
 * and answers 400.
 */
export interface PageRequest {
  path: PagePath;
  /** What to render and the cache key: the canonical URL, or the link as given when it is invalid. */
  url: string;
  status: 200 | 400;
}

/** What a page link's validity depends on in the dataset (server.ts gives the edge the loaded one's). */
export interface PageData {
  /**
   * The months of the analysis window a link's from/to name (either left out: the default window's
   * end), or null when the data cannot answer that window. The rule is Engines.check, the one the
   * pages (lib/server/window.ts pageWindow) and the API apply.
   */
  window(from: string | undefined, to: string | undefined): readonly string[] | null;
  /** The dataset's 행정동: which /dong links are valid. */
  dongs?: DongIndex;
  /**
   * The campaign months of a /plan of 행정동 segments of the service over the link's from/to, as the page
   * reads them (the window's months with 행정동 figures of the service, else all such months); null when
   * the dataset has none.
   */
  dongPlanMonths?(service: ServiceId, from: string | undefined, to: string | undefined): readonly string[] | null;
}

/** The loaded dataset's PageData; `dongData` (its 행정동 analysis, built on first use) checks 행정동 plan links. */
export function pageDataOf(engines: Engines, dongs: DongIndex, dongData?: () => DongData): PageData {
  return {
    window(from, to) {
      const c = engines.check(engines.resolve(from, to));
      return c.ok ? c.months : null;
    },
    dongs,
    ...(dongData
      ? {
          dongPlanMonths: (service: ServiceId, from: string | undefined, to: string | undefined) =>
            viewDongWindow(dongData(), from, to, service)?.window.months ?? null,
        }
      : {}),
  };
}

/**
 * A /plan link of 행정동 segments plans over the months with 행정동 figures (app/plan: the list keeps the
 * first id's grain, and is a 행정동 plan when one of its 행정동 ids is the dataset's): those months, or
 * null for a district plan.
 */
function dongPlanMonths(search: URLSearchParams, data: PageData): readonly string[] | null {
  if (!data.dongPlanMonths || !data.dongs) return null;
  const { items } = v.readList(v.anySegment, search.getAll("segments").map(normalizeRaw).join(","));
  if (!items[0] || !isDongSegment(items[0]) || !items.some((s) => isDongSegment(s) && data.dongs!.get(s.dong)))
    return null;
  const { service, from, to } = readQuery(search, planLinkQuery).values;
  return data.dongPlanMonths(service!, from, to);
}

const planLinkQuery = { service: optional("service", v.service, DEFAULT_SERVICE), ...windowQuery };

/**
 * Pages whose from/to choose another window for a 행정동 view that has no figures in the link's one
 * (viewDongWindow: the months with 행정동 figures, and a note): such a window is no invalid link there.
 */
const FALLING_BACK = new Set<string>(["/dong", "/dongs"]);

/** The months of the link's analysis window, or null when the data cannot answer it. */
export function linkWindow(search: URLSearchParams, data: PageData): readonly string[] | null {
  const { from, to } = readQuery(search, windowQuery).values;
  return data.window(from, to);
}

export function pageRequest(pathname: string, search: URLSearchParams, data: PageData): PageRequest | undefined {
  const months = linkWindow(search, data);
  // /plan's campaign months are its window's (the default: all of them), as the page reads them; a plan
  // of 행정동 segments's are the window's months with 행정동 figures of the service.
  const planMonths = pathname === "/plan" ? dongPlanMonths(search, data) : null;
  const shapes = pageShapes(planMonths ?? months ?? data.window(undefined, undefined)!, data.dongs);
  if (!Object.hasOwn(shapes, pathname)) return undefined;
  const path = pathname as PagePath;
  const shape = shapes[path];
  const { values, problems } = readQuery(search, shape);
  const unanswered = months === null && "from" in shape && !FALLING_BACK.has(path);
  if (problems.length === 0 && !unanswered) return { path, url: `${path}${writeQuery(shape, values)}`, status: 200 };
  // Only the page's own parameters, in a fixed order, so tracking tags don't make new cache entries.
  const own = new URLSearchParams();
  for (const name of Object.keys(shape).sort()) for (const v of search.getAll(name)) own.append(name, v);
  return { path, url: `${path}?${own}`, status: 400 };
}
