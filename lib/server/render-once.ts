import type { LRUCache } from "lru-cache";
import { limit } from "./limit";
import { RENDER_SLOTS } from "./memory-budget";

/**
 * Rendered answers (pages, link previews) kept in a bounded cache, each rendered once: a hit is a
 * lookup; requests for a key already rendering wait for that render instead of starting their own;
 * and at most RENDER_SLOTS renders run at once (see limit.ts). `keep` decides whether an answer is
 * cached (a page that failed is not).
 */
export function renderOnce<V extends object>(cache: LRUCache<string, V>) {
  const rendering = new Map<string, Promise<V>>();
  const slots = limit(RENDER_SLOTS);
  return function get(key: string, render: () => Promise<V>, keep: (answer: V) => boolean = () => true): Promise<V> {
    const hit = cache.get(key);
    if (hit) return Promise.resolve(hit);
    let p = rendering.get(key);
    if (!p) {
      p = slots(render)
        .then((answer) => {
          if (keep(answer)) cache.set(key, answer);
          return answer;
        })
        .finally(() => rendering.delete(key));
      rendering.set(key, p);
    }
    return p;
  };
}
