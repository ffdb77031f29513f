import type { TableData } from "@/lib/table";
import { CsvDownload } from "./CsvDownload";
import { DataTable } from "./DataTable";

interface ChartFrameProps {
  id: string;
  title: string;
  description?: React.ReactNode;
  /** The chart itself; the table below is its accessible alternative. */
  children: React.ReactNode;
  table: TableData;
  /** Source note: the dataset's attribution and anything the reader needs to interpret the figures. */
  source: string;
  filename: string;
  /** Open the table view by default (for views that are tables first). */
  tableOpen?: boolean;
}

/**
 * Every chart's frame: title, the chart, its table view, a source note and a CSV download of exactly
 * the table's rows.
 */
export function ChartFrame({ id, title, description, children, table, source, filename, tableOpen }: ChartFrameProps) {
  return (
    <section className="card chart-frame" aria-labelledby={`${id}-title`}>
      <header className="chart-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {description ? <div className="chart-description">{description}</div> : null}
      </header>
      <div className="chart-body">{children}</div>
      <details className="chart-table" open={tableOpen}>
        <summary>표로 보기</summary>
        <DataTable table={table} caption={title} testId={`${id}-table`} />
      </details>
      <ChartFooter source={source} table={table} filename={filename} />
    </section>
  );
}

/** The source note and CSV download under a chart, or under a view that is a table itself. */
export function ChartFooter({ source, table, filename }: { source: string; table: TableData; filename: string }) {
  return (
    <footer className="chart-footer">
      <p className="source-note">출처: {source}</p>
      <CsvDownload table={table} filename={filename} />
    </footer>
  );
}
