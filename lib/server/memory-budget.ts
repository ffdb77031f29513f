/**
 * How many bytes each of the server's answer caches may keep. They are the only memory that grows with
 * the requests a process has seen; with the framework's own (about 120–150 MB resident after start) and
 * the garbage of renders in progress, they decide the process's size, which issue 10 bounds at 400 MB
 * after any sequence of valid requests (bench/page-load.mjs measures it). Each cache drops its least
 * recently used entries first, so what is asked for often stays.
 *
 * - pages: rendered HTML, gzipped (a /segment page is about 45 KB): about 350 pages, more than the
 *   300 segments' default views.
 * - apiBodies: serialized JSON (a full 300-row target list is about 270 KB, a priority about 7 KB).
 * - previews: link-preview PNGs (40–120 KB): chat apps and CDNs keep them for a day, so a process
 *   sees each one rarely.
 */
export const CACHE_BUDGET = {
  pages: 16 * 2 ** 20,
  apiBodies: 16 * 2 ** 20,
  previews: 8 * 2 ** 20,
} as const;

/**
 * Pages (server.ts) and link previews (lib/og) rendered at once, each; later renders wait their turn.
 * Rendering is JavaScript on one thread, so more at once only adds the memory each one holds.
 */
export const RENDER_SLOTS = 2;
