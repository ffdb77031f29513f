import { describe, expect, it } from "vitest";
import { limit } from "./limit";

const tick = () => new Promise<void>((r) => setTimeout(r, 1));

describe("limit", () => {
  it("never runs more than n tasks at once, and runs them in arrival order", async () => {
    const run = limit(2);
    let now = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      most = Math.max(most, ++now);
      await tick();
      now--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((i) => run(task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("gives a freed slot to the waiting task, never also to one arriving meanwhile", async () => {
    // A task arriving a few microtasks after a slot is freed must not run beside the waiting one.
    for (let delay = 0; delay < 8; delay++) {
      const run = limit(1);
      let now = 0;
      let most = 0;
      const task = (hold: Promise<unknown>) => async () => {
        most = Math.max(most, ++now);
        await hold;
        now--;
      };
      let release!: () => void;
      const first = run(task(new Promise<void>((r) => (release = r))));
      const waiting = run(task(tick()));
      release();
      for (let i = 0; i < delay; i++) await Promise.resolve();
      const late = run(task(tick()));
      await Promise.all([first, waiting, late]);
      expect(most, `arriving ${delay} microtasks later`).toBe(1);
    }
  });

  it("frees the slot when a task fails", async () => {
    const run = limit(1);
    await expect(run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(run(async () => 7)).resolves.toBe(7);
  });
});
