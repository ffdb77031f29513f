/**
 * How many bytes the edge's answer cache may keep (lib/server/edge.ts: pages, API bodies, link
 * previews in one LRU). It is the only memory that grows with the requests a process has seen; with
 * the framework's own (about 120–150 MB resident after start) and the garbage of renders in progress,
 * it decides the process's size, which issue 10 bounds at 400 MB after any sequence of valid requests
 * (bench/page-load.mjs measures it). The least recently used answers go first, so what is asked for
 * often stays. For scale: a /segment page is about 45 KB gzipped, a priority body 7 KB, a full
 * 300-row target list 270 KB (30 KB gzipped), a preview PNG 40–120 KB. The three separate caches held
 * 40 MB (16 + 16 + 8) before they became one; the 21-month dataset and the 행정동 analyses took 16 MB
 * of that back (bench/page-load.mjs's mixed burst, with 행정동 pages and other windows, ended at 425 MB
 * resident with 32 MB here, two window engines and two 행정동 windows kept; 377–398 MB with 24 MB, one
 * and one, and V8's young generation at 2 × 4 MB).
 */
export const CACHE_BYTES = 24 * 2 ** 20;

/**
 * Renders (pages, previews, API answers not yet kept) running at once; later renders wait their turn.
 * Rendering is JavaScript on one thread, so more at once only adds the memory each one holds.
 */
export const RENDER_SLOTS = 2;

/**
 * Renders waiting their turn, at most; more are answered 503 with Retry-After. Waiting renders whose
 * requesters have all gone leave the queue, so only live requests count.
 */
export const RENDER_QUEUE_MAX = 512;

/** API answers rendered at once (lib/server/edge.ts says why they have their own, wider queue). */
export const API_SLOTS = 16;
