import { Problems } from "./errors";
import { looksLikeHeader, matchHeader } from "./layout";
import type { Row } from "./row";
import { RowHandler, type FileStats } from "./row-handler";
import type { Store } from "./store";
import type { Cell } from "./values";

/** Where a file's rows go: the shared store, the 행정동 codes known to the bundled data, the problems found. */
export interface ImportTarget {
  store: Store;
  knownDongs: ReadonlySet<string> | undefined;
  problems: Problems;
}

export const SKIP_BLANK = "blank rows";
const HEADER_SEARCH_ROWS = 10;

function isBlank(row: Row, base: number): boolean {
  for (let i = base; i < row.length; i++) {
    const c = row.cell(i);
    if (c !== null && c !== undefined && c !== "") return false;
  }
  return true;
}

function cellsOf(row: Row): Cell[] {
  return Array.from({ length: row.length }, (_, i) => row.cell(i));
}

/**
 * Receives one table's rows in order (from the CSV parser or the XLSX reader), finds the header (the
 * first row naming 성별 and 연령대 within the first rows; title rows above it are skipped), checks
 * field counts for CSV, and hands data rows to a RowHandler. `base` is the index of the first cell.
 */
export class TableSink {
  private handler: RowHandler | undefined;
  private pending: { cells: Cell[]; line: number }[] = [];
  private header: readonly Cell[] = [];
  private headerLine = 0;
  private dataRows = 0;
  /** Set when the header is unusable: the rest of the file is not read. */
  stopped = false;

  constructor(
    private readonly file: string,
    private readonly base: number,
    private readonly csv: boolean,
    private readonly fileMonth: string | undefined,
    private readonly target: ImportTarget,
    private readonly stats: FileStats,
  ) {}

  get hasHeader(): boolean {
    return this.handler !== undefined;
  }

  row(row: Row, line: number): void {
    if (this.stopped) return;
    const h = this.handler;
    if (h) {
      if (this.csv && row.length !== this.header.length) {
        if (row.length === 1 && row.cell(0) === "") return this.blank();
        this.dataRows++;
        return this.badWidth(row, line);
      }
      if (!this.csv && isBlank(row, this.base)) return this.blank();
      this.dataRows++;
      return h.handle(row, line);
    }
    if (isBlank(row, this.base)) return;
    const cells = cellsOf(row); // rows are reused by the CSV reader: copy before keeping
    if (looksLikeHeader(cells)) return this.useHeader(cells, line);
    this.pending.push({ cells, line });
    if (this.pending.length >= HEADER_SEARCH_ROWS) this.useHeader(this.pending[0]!.cells, this.pending[0]!.line);
  }

  /** Ends the table; returns false when it had no rows at all. */
  end(): boolean {
    if (this.handler) {
      if (this.dataRows === 0)
        this.target.problems.add({ file: this.file }, `has a header row (line ${this.headerLine}) but no data rows`);
      return true;
    }
    if (this.stopped) return true;
    const first = this.pending[0];
    if (!first) return false;
    // No row looked like a header: the first row is taken, which reports the missing columns.
    this.useHeader(first.cells, first.line);
    return true;
  }

  private blank(): void {
    this.stats.skipped[SKIP_BLANK] = (this.stats.skipped[SKIP_BLANK] ?? 0) + 1;
  }

  private useHeader(cells: readonly Cell[], line: number): void {
    this.pending = [];
    const cols = matchHeader(cells, this.base, this.file, line, this.target.problems);
    if (!cols) {
      this.stopped = true;
      return;
    }
    if (!cols.month && !this.fileMonth) {
      this.target.problems.add(
        { file: this.file },
        "no month: the file has no 기준연월 column and its name has no month (e.g. 2023.1월 or 202301)",
      );
      this.stopped = true;
      return;
    }
    this.header = cells;
    this.headerLine = line;
    const { store, knownDongs, problems } = this.target;
    this.handler = new RowHandler(
      this.file,
      cols,
      cols.month ? undefined : this.fileMonth,
      this.csv,
      store,
      knownDongs,
      problems,
      this.stats,
    );
  }

  private badWidth(row: Row, line: number): void {
    const got = row.length;
    const want = this.header.length;
    this.stats.rowsRead++;
    const detail =
      got < want
        ? `row has ${got} fields, the header has ${want} (first missing: ${JSON.stringify(String(this.header[got] ?? "").trim())})`
        : `row has ${got} fields, the header has ${want} (extra value ${JSON.stringify(String(row.cell(want) ?? ""))})`;
    this.target.problems.add({ file: this.file, line, column: Math.min(got, want) + 1 }, detail);
  }
}
