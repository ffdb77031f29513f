import { describe, expect, it } from "vitest";
import { bodyCacheSize, json } from "./response";

describe("the API's body cache", () => {
  it("stays within its byte bound however many distinct resources are asked for", () => {
    // 3,000 distinct ~100 KB answers would pin ~600 MB as JS strings without a bound (issue 10, item 11).
    const big = { rows: "x".repeat(50_000) };
    for (let i = 0; i < 3000; i++) json(new Request(`http://localhost/api/plan?budget=${i}`), big, "v1", `/api/plan?budget=${i}`);
    const { bytes, maxBytes, entries } = bodyCacheSize();
    expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(entries).toBeLessThan(3000);
  });
  it("still answers an evicted resource with the same ETag (it is derived, not stored)", () => {
    const first = json(new Request("http://localhost/api/x?a=0"), { a: 0 }, "v2", "/api/x?a=0");
    for (let i = 1; i < 2000; i++) json(new Request(`http://localhost/api/x?a=${i}`), { a: "y".repeat(50_000) }, "v2", `/api/x?a=${i}`);
    const again = json(new Request("http://localhost/api/x?a=0"), { a: 0 }, "v2", "/api/x?a=0");
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
  });
});

describe("a cached JSON answer", () => {
  it("is the same UTF-8 text every time it is served, Korean included", async () => {
    const data = { district: "강남구", z: -1.25 };
    const first = json(new Request("http://localhost/api/k"), data, "v3", "/api/k");
    const second = json(new Request("http://localhost/api/k"), { ignored: true }, "v3", "/api/k");
    expect(await first.text()).toBe('{"district":"강남구","z":-1.25}');
    // The second answer comes from the cache (it ignores the data it was given), intact after the first was read.
    expect(await second.text()).toBe('{"district":"강남구","z":-1.25}');
    // Sized in UTF-8 bytes: 34 for the body (each Hangul syllable is 3), twice the key's length, and 64.
    expect(bodyCacheSize().bytes).toBe(34 + 2 * "/api/k".length + 64);
  });
});
