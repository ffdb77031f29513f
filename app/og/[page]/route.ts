import { cachedCard, OG_CACHE_CONTROL } from "@/lib/og/render";
import { windowQuery } from "@/lib/params/api";
import { readQuery } from "@/lib/params/query";
import { pageWindow } from "@/lib/server/window";
import { etagMatches } from "@/lib/server/page-cache";
import { isOgPage, ogCanonicalPath, ogCard } from "@/lib/views/og";

/**
 * GET /og/<page>?<the page's query>: the page's link preview, a 1200×630 PNG of the same view
 * (lib/views/og.ts says what it shows). Cacheable: strong ETag, 304 on If-None-Match.
 */
export async function GET(request: Request, { params }: { params: Promise<{ page: string }> }) {
  const { page } = await params;
  if (!isOgPage(page)) return new Response("Not Found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const query = new URL(request.url).searchParams;
  // The preview of a view over another window shows that window's figures, as the page does.
  const { engine } = pageWindow(readQuery(query, windowQuery).values);
  const image = await cachedCard(ogCanonicalPath(page, query, engine.months), () => ogCard(page, query, engine));
  const headers = { "cache-control": OG_CACHE_CONTROL, etag: image.etag };
  if (etagMatches(request.headers.get("if-none-match") ?? undefined, image.etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.png), { headers: { ...headers, "content-type": "image/png", "content-length": String(image.png.length) } });
}
