import { qualityNotes, type QualityNote } from "@/lib/dataset/quality";
import type { AnalysisWindow, LoadedDataset } from "@/lib/dataset/types";
import type { DeferredDataset } from "@/lib/dataset/v2";
import { checkWindow, ENGINE_NEEDS, engineDataset, windowMonths, type WindowGap } from "@/lib/dataset/window";
import type { SegmentKey } from "@/lib/domain";
import { Engine } from "./engine";
import { indexOfKey } from "./segments";
import { segmentProfiles, type SegmentProfiles } from "./profile";

/**
 * Engines of a window besides the default one kept at a time. An Engine over 21 months holds ~13 MB
 * (measured: 4 windows added 52 MB of heap), on top of the dataset's 43 MB of 행정동 columns; with the
 * 21-month dataset and the 행정동 analyses, only one fits under the 400 MB budget beside the default
 * (lib/server/memory-budget.ts has the figures). Another window costs a rebuild (~0.3 s) on a cold
 * render; the edge keeps the answers themselves.
 */
export const MAX_WINDOW_ENGINES = 1;

export type WindowResult =
  | { ok: true; engine: Engine; window: AnalysisWindow; months: string[] }
  | { ok: false; window: AnalysisWindow; gap: WindowGap };
export type WindowCheck = { ok: true; months: readonly string[] } | { ok: false; gap: WindowGap };

interface WindowEntry {
  engine: Engine;
  profiles?: SegmentProfiles;
}

/**
 * The analysis of one loaded dataset over any window of its months: an Engine (the unit of analysis,
 * everything precomputed) per window, the default window's built at start and kept, others built on
 * first use and kept in a small LRU. Also the dataset's quality notes, which do not depend on a window.
 */
export class Engines {
  readonly defaultWindow: AnalysisWindow;
  readonly default: Engine;
  private readonly loaded: LoadedDataset;
  private pending: Pick<DeferredDataset, "complete" | "step"> | null;
  private notes: QualityNote[] | undefined;
  private readonly defaultEntry: WindowEntry;
  private readonly cache = new Map<string, WindowEntry>();

  /**
   * `complete` finishes a dataset read in two steps (lib/dataset/load.ts openDataDir): the default
   * window's engine is built from what is there, and whatever needs the rest completes it first.
   */
  constructor(data: LoadedDataset, rest: Pick<DeferredDataset, "complete" | "step"> | null = null) {
    this.loaded = data;
    this.pending = rest;
    this.defaultWindow = data.meta.defaultWindow;
    if (checkWindow(data, this.defaultWindow, ENGINE_NEEDS)) this.ready();
    const gap = checkWindow(data, this.defaultWindow, ENGINE_NEEDS);
    if (gap)
      throw new RangeError(
        `the default window ${this.defaultWindow.from}…${this.defaultWindow.to} lacks population or a service in ${gap.missing.join(", ")}`,
      );
    this.defaultEntry = { engine: new Engine(engineDataset(data, this.defaultWindow)) };
    this.default = this.defaultEntry.engine;
  }

  /** Completes the dataset (once; a DatasetError is thrown again on every call). */
  ready(): void {
    if (!this.pending) return;
    this.pending.complete();
    this.pending = null;
  }

  /**
   * Completes the dataset a month per turn of the event loop, so requests are answered in between
   * (each turn ~20–40 ms of CPU for a bundled month); calls back with a DatasetError, or null when done.
   */
  completeInBackground(done: (error: unknown) => void): void {
    const turn = () => {
      try {
        if (!this.pending || this.pending.step()) {
          this.pending = null;
          done(null);
        } else setImmediate(turn);
      } catch (e) {
        done(e);
      }
    };
    setImmediate(turn);
  }

  /** The dataset's meta.json (complete from the first step: months, measures, groups, default window). */
  get meta(): LoadedDataset["meta"] {
    return this.loaded.meta;
  }

  /** The dataset's 행정동 (dongs.csv, complete from the first step). */
  get dongs(): LoadedDataset["dongs"] {
    return this.loaded.dongs;
  }

  /** The whole dataset, completed. */
  get data(): LoadedDataset {
    this.ready();
    return this.loaded;
  }

  /** The dataset's doubtful months by the rule (lib/dataset/quality.ts). */
  get qualityNotes(): readonly QualityNote[] {
    this.notes ??= qualityNotes(this.data);
    return this.notes;
  }

  /** A window from a query's from/to: either left out takes the default window's end. */
  resolve(from: string | undefined, to: string | undefined): AnalysisWindow {
    return { from: from ?? this.defaultWindow.from, to: to ?? this.defaultWindow.to };
  }

  isDefault(w: AnalysisWindow): boolean {
    return w.from === this.defaultWindow.from && w.to === this.defaultWindow.to;
  }

  /**
   * The window's months, or what it lacks (from after to, no month, a month without population or one
   * of the seven services), without building its engine: the one rule for which windows are answered —
   * the API's 400, a page's notice and the edge's status for a page link (lib/server/page-url.ts).
   */
  check(w: AnalysisWindow): WindowCheck {
    if (this.isDefault(w)) return { ok: true, months: this.default.months };
    this.ready();
    const data = this.loaded;
    const gap = w.from > w.to ? { missing: [], have: data.meta.months } : checkWindow(data, w, ENGINE_NEEDS);
    return gap ? { ok: false, gap } : { ok: true, months: windowMonths(data.meta, w) };
  }

  /** The engine over the window, or what the window lacks (see check). */
  engine(w: AnalysisWindow): WindowResult {
    const entry = this.entry(w);
    return "gap" in entry
      ? { ok: false, window: w, gap: entry.gap }
      : { ok: true, engine: entry.engine, window: w, months: [...entry.engine.months] };
  }

  /** A segment's "생활 지표" and 관심집단 over the window (the window must be valid: see engine()). */
  profile(w: AnalysisWindow, key: SegmentKey) {
    const entry = this.entry(w);
    if ("gap" in entry) throw new RangeError(`window ${w.from}…${w.to} has no engine`);
    entry.profiles ??= segmentProfiles(this.data, w);
    const i = indexOfKey(key);
    return { measures: entry.profiles.measures[i]!, groups: entry.profiles.groups[i]! };
  }

  private entry(w: AnalysisWindow): WindowEntry | { gap: WindowGap } {
    if (this.isDefault(w)) return this.defaultEntry;
    this.ready();
    const k = keyOf(w);
    const hit = this.cache.get(k);
    if (hit) {
      this.cache.delete(k); // most recently used last
      this.cache.set(k, hit);
      return hit;
    }
    const c = this.check(w);
    if (!c.ok) return { gap: c.gap };
    const entry: WindowEntry = { engine: new Engine(engineDataset(this.loaded, w)) };
    this.cache.set(k, entry);
    if (this.cache.size > MAX_WINDOW_ENGINES) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}

const keyOf = (w: AnalysisWindow) => `${w.from}…${w.to}`;
