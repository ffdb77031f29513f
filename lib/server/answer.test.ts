import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import {
  acceptsGzip,
  answerBytes,
  etagMatches,
  gzipOf,
  inlineScriptHashes,
  makeAnswer,
  pageCsp,
  type Answer,
} from "./answer";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes each inline script's exact text once, skipping scripts with src", () => {
    const html = `<script src="/_next/a.js" async></script><script>self.__next_f=[]</script><p>x</p><script type="module">"한글"</script><script>self.__next_f=[]</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha("self.__next_f=[]"), sha('"한글"')]);
  });
  it("builds a script-src of 'self' and the hashes, with no inline or nonce escape", () => {
    const csp = pageCsp([sha("a")]);
    expect(csp).toContain(`script-src 'self' ${sha("a")};`);
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;\s*style|nonce|strict-dynamic/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe("makeAnswer", () => {
  it("tags equal bytes equally and different bytes differently, unless the upstream named its own tag", () => {
    const a = makeAnswer(200, {}, Buffer.from("<p>a</p>"));
    expect(makeAnswer(200, {}, Buffer.from("<p>a</p>")).etag).toBe(a.etag);
    expect(makeAnswer(200, {}, Buffer.from("<p>b</p>")).etag).not.toBe(a.etag);
    expect(makeAnswer(200, {}, Buffer.from("<p>b</p>"), { etag: '"api"' }).etag).toBe('"api"');
    expect(etagMatches(a.etag, a.etag)).toBe(true);
    expect(etagMatches(`"x", W/${a.etag}`, a.etag)).toBe(true);
    expect(etagMatches("*", a.etag)).toBe(true);
    expect(etagMatches('"x"', a.etag)).toBe(false);
    expect(etagMatches(undefined, a.etag)).toBe(false);
  });

  it("gives HTML its hash policy and the pages' lifetime, and leaves other answers' headers as they came", () => {
    const page = makeAnswer(200, { "content-type": "text/html; charset=utf-8" }, Buffer.from("<script>a</script>"));
    expect(page.headers["content-security-policy"]).toBe(pageCsp([sha("a")]));
    expect(page.headers["cache-control"]).toMatch(/^public/);
    expect(makeAnswer(500, { "content-type": "text/html" }, Buffer.from("x")).headers["cache-control"]).toBe(
      "no-store",
    );
    const api = makeAnswer(
      200,
      { "content-type": "application/json", "cache-control": "public, max-age=300" },
      Buffer.from("{}"),
    );
    expect(api.headers).toMatchObject({
      "content-type": "application/json",
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    });
    expect(api.headers["content-security-policy"]).toMatch(/^default-src 'none'/);
  });

  it("keeps a small answer as rendered, gzips it once when first asked, and does not gzip what does not compress", () => {
    const body = Buffer.from(
      JSON.stringify({ rows: Array.from({ length: 50 }, (_, i) => ({ district: "강남구", i })) }),
    );
    const a = makeAnswer(200, { "content-type": "application/json; charset=utf-8" }, body);
    expect(a.identity?.equals(body)).toBe(true);
    expect(a.gzip).toBeUndefined();
    expect(gzipOf(a).made).toBe(true);
    expect(gunzipSync(a.gzip!).equals(body)).toBe(true);
    expect(gzipOf(a)).toEqual({ gzip: a.gzip, made: false });
    const png = makeAnswer(200, { "content-type": "image/png" }, Buffer.alloc(5000, 7));
    expect(gzipOf(png).gzip).toBeUndefined();
    expect(png.identity?.length).toBe(5000);
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding with its weights", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip; q=0.000, *")).toBe(false);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("*;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("the answer cache", () => {
  // A page-sized HTML body: repetitive, as rendered HTML is, with Korean text.
  const html = (i: number) =>
    Buffer.from(`<!DOCTYPE html><p>${i}</p>` + "<li>강남구 20대 여성 · 배달 z 1.25</li>".repeat(4000));

  it("keeps a large page gzipped only, and costs its compressed size", () => {
    const body = html(1);
    const page = makeAnswer(200, { "content-type": "text/html; charset=utf-8" }, body);
    expect(page.length).toBe(body.length);
    expect(gunzipSync(page.gzip!).equals(body)).toBe(true);
    expect(page.identity).toBeUndefined();
    // What it costs is the compressed body (HTML compresses many times over), not the rendered size.
    expect(answerBytes(page, "/")).toBeLessThan(body.length / 10);
    expect(answerBytes(page, "/")).toBeGreaterThan(page.gzip!.length);
  });

  it("stays within its byte bound however many distinct answers are rendered", () => {
    const cache = new LRUCache<string, Answer>({ maxSize: 2 ** 18, sizeCalculation: answerBytes });
    for (let i = 0; i < 400; i++)
      cache.set(`/segment?i=${i}`, makeAnswer(200, { "content-type": "text/html" }, html(i)));
    expect(cache.calculatedSize).toBeLessThanOrEqual(2 ** 18);
    expect(cache.size).toBeLessThan(400);
    // The most recent answers are the ones kept.
    expect(cache.has("/segment?i=399")).toBe(true);
    expect(cache.has("/segment?i=0")).toBe(false);
  });
});
