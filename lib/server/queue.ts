/**
 * The render queue: at most `slots` renders at once, at most `maxWaiting` waiting their turn in arrival
 * order. Rendering a page or a preview is JavaScript on this one thread: running more at once finishes
 * none sooner, while each render in progress holds its memory until it ends. A waiting render whose
 * signal aborts (everyone who asked for it has gone) leaves the queue before it starts, and a render is
 * checked once more when its turn comes; a full queue refuses at once (QueueFull) rather than growing.
 */
export class QueueFull extends Error {
  constructor() {
    super("render queue full");
  }
}

export function abortError(): Error {
  return new DOMException("the requester has gone", "AbortError");
}

export function renderQueue(slots: number, maxWaiting: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  async function go<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    try {
      // One turn of the event loop first: a client that sent its request and closed at once has its
      // close read in the same turn as the request, after the request was handed here. Without the
      // pause, such a render would start (and a preview's drawing cannot be stopped once begun).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal.aborted) throw abortError();
      return await task();
    } finally {
      // A finishing task hands its slot straight to the next in line, so nobody can slip in between.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  function run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(abortError());
    if (running < slots) {
      running++;
      return go(task, signal);
    }
    if (waiting.length >= maxWaiting) return Promise.reject(new QueueFull());
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        signal.removeEventListener("abort", leave);
        go(task, signal).then(resolve, reject);
      };
      const leave = () => {
        const i = waiting.indexOf(start);
        if (i >= 0) waiting.splice(i, 1);
        reject(abortError());
      };
      signal.addEventListener("abort", leave, { once: true });
      waiting.push(start);
    });
  }

  return { run, stats: () => ({ running, waiting: waiting.length }) };
}

export type RenderQueue = ReturnType<typeof renderQueue>;
