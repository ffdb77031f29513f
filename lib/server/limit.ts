/**
 * At most `n` tasks at once; the rest wait their turn in arrival order. For the server's CPU-bound
 * work (rendering a page or a preview on this one thread): running more at once finishes none sooner,
 * but every task in progress holds its memory until it ends, so a burst of distinct requests would
 * otherwise hold all of theirs together.
 */
export function limit(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next in line, so nobody can slip in between.
    if (running < n) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
