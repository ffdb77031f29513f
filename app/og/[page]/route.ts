import { OG_CACHE_CONTROL, renderCard } from "@/lib/og/render";
import { windowQuery } from "@/lib/params/api";
import { readQuery } from "@/lib/params/query";
import { getDongData } from "@/lib/server/dongs";
import { getEngine } from "@/lib/server/engine";
import { pageWindow } from "@/lib/server/window";
import { isOgPage, ogCard } from "@/lib/views/og";

/**
 * GET /og/<page>?<the page's query>: the page's link preview, a 1200×630 PNG of the same view
 * (lib/views/og.ts says what it shows). The edge keeps it per canonical preview URL and answers
 * repeats, ETag and 304 (lib/server/edge.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ page: string }> }) {
  const { page } = await params;
  if (!isOgPage(page))
    return new Response("Not Found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const query = new URL(request.url).searchParams;
  // The preview of a view over another window shows that window's figures, as the page does; the
  // 행정동 pages read their window from the 행정동 figures (viewDongWindow), so theirs is not built here.
  const dongView = page === "dong" || page === "dongs";
  const engine = dongView ? getEngine() : pageWindow(readQuery(query, windowQuery).values).engine;
  const card = ogCard(page, query, engine, getDongData);
  // Drawing cannot be stopped once begun, so a requester that has gone (the edge closes its request
  // when every client waiting for this preview has left) is checked for once more, a turn later.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (request.signal.aborted) return new Response(null, { status: 499, headers: { "cache-control": "no-store" } });
  const png = await renderCard(card);
  return new Response(new Uint8Array(png), {
    headers: { "cache-control": OG_CACHE_CONTROL, "content-type": "image/png" },
  });
}
