import type { DongIndex } from "@/lib/dongs";
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

export function pageRequest(pathname: string, search: URLSearchParams, months: readonly string[], dongs?: DongIndex): PageRequest | undefined {
  const shapes = pageShapes(months, dongs);
  if (!Object.hasOwn(shapes, pathname)) return undefined;
  const path = pathname as PagePath;
  const shape = shapes[path];
  const { values, problems } = readQuery(search, shape);
  if (problems.length === 0) return { path, url: `${path}${writeQuery(shape, values)}`, status: 200 };
  // Only the page's own parameters, in a fixed order, so tracking tags don't make new cache entries.
  const own = new URLSearchParams();
  for (const name of Object.keys(shape).sort()) for (const v of search.getAll(name)) own.append(name, v);
  return { path, url: `${path}?${own}`, status: 400 };
}
