/**
 * Problems found in the input files. Each is located as `FILE:LINE:COLUMN` (a cell), `FILE:1:COLUMN`
 * (a header problem) or `FILE` (a whole-file problem); the first 20 are listed, then a count.
 */
export const MAX_LISTED = 20;

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export function formatLocation({ file, line, column }: Location): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** Collects problems; keeps every count but only the first few messages, so a broken 1M-row file stays cheap. */
export class Problems {
  readonly listed: string[] = [];
  count = 0;

  add(where: Location, message: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push(`${formatLocation(where)}: ${message}`);
  }

  get ok(): boolean {
    return this.count === 0;
  }
}

export function formatProblems(p: Problems): string {
  const more =
    p.count > p.listed.length ? `\n… and ${p.count - p.listed.length} more (${p.count} problems in all)` : "";
  return `${p.listed.join("\n")}${more}`;
}

/** The import was refused; `problems` says why. Nothing was written. */
export class IngestError extends Error {
  constructor(readonly problems: Problems) {
    super(`import refused: ${problems.count} problem${problems.count === 1 ? "" : "s"}\n${formatProblems(problems)}`);
    this.name = "IngestError";
  }
}

/** Quotes a cell value for a message, shortening long ones. */
export function showValue(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);
}
