import { LRUCache } from "lru-cache";
import { describe, expect, it } from "vitest";
import { renderOnce } from "./render-once";

const tick = () => new Promise<void>((r) => setTimeout(r, 1));

describe("renderOnce", () => {
  it("renders a key once for a burst of requests, then answers from the cache", async () => {
    const get = renderOnce(new LRUCache<string, { n: number }>({ max: 10 }));
    let renders = 0;
    const render = async () => {
      await tick();
      return { n: ++renders };
    };
    const burst = await Promise.all([get("a", render), get("a", render), get("a", render)]);
    expect(renders).toBe(1);
    expect(burst.every((x) => x === burst[0])).toBe(true);
    expect(await get("a", render)).toBe(burst[0]);
    expect(renders).toBe(1);
    await get("b", render);
    expect(renders).toBe(2);
  });

  it("does not keep an answer `keep` refuses, so the next request renders again", async () => {
    const cache = new LRUCache<string, { status: number }>({ max: 10 });
    const get = renderOnce(cache);
    let renders = 0;
    const failing = async () => ({ status: 500 + renders++ });
    const first = await get("/x", failing, (p) => p.status < 500);
    expect(first.status).toBe(500);
    expect(cache.has("/x")).toBe(false);
    expect((await get("/x", failing, (p) => p.status < 500)).status).toBe(501);
  });

  it("forgets a render that failed, so the next request tries again", async () => {
    const get = renderOnce(new LRUCache<string, { ok: true }>({ max: 10 }));
    await expect(get("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await expect(get("k", async () => ({ ok: true }))).resolves.toEqual({ ok: true });
  });
});
