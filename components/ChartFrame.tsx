import Link from "next/link";
import { Suspense } from "react";
import type { TableData } from "@/lib/table";
import { CsvDownload } from "./CsvDownload";
import { DataTable } from "./DataTable";
import { ImageDownload } from "./ImageDownload";
import { TableView } from "./TableView";

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
  /**
   * Open the table view by default (for views that are tables first); it then stays out of the URL.
   * Otherwise the table view's open state is in the URL's `table` list under this frame's `id`.
   */
  tableOpen?: boolean;
}

/**
 * Every chart's frame: title, the chart, its table view (open state in the URL, see TableView), a source
 * note linking the method page, a CSV download of exactly the table's rows and "이미지 저장" (a PNG of
 * the title, chart with its legend, and source line). `id` names the frame in
 * the URL's `table` list: lower-case letters, digits and "-".
 */
export function ChartFrame({ id, title, description, children, table, source, filename, tableOpen }: ChartFrameProps) {
  const dataTable = <DataTable table={table} caption={title} testId={`${id}-table`} />;
  return (
    <section className="card chart-frame" aria-labelledby={`${id}-title`}>
      <header className="chart-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {description ? <div className="chart-description">{description}</div> : null}
      </header>
      <div className="chart-body">{children}</div>
      {tableOpen ? (
        <details className="chart-table" open>
          <summary>표로 보기</summary>
          {dataTable}
        </details>
      ) : (
        // useSearchParams (inside nuqs) needs a boundary when a page is prerendered; dynamic pages never show the fallback.
        <Suspense
          fallback={
            <details className="chart-table">
              <summary>표로 보기</summary>
              {dataTable}
            </details>
          }
        >
          <TableView id={id}>{dataTable}</TableView>
        </Suspense>
      )}
      <ChartFooter source={source} table={table} filename={filename} imageTitle={title} />
    </section>
  );
}

/**
 * The source note and CSV download under a chart, or under a view that is a table itself; with
 * `imageTitle` (a chart), "이미지 저장" beside the CSV. The CSV is written in the browser from `table`,
 * or, for a table too long to send with the page (/audience), fetched from `csvHref`, which answers the
 * same table's CSV.
 */
export function ChartFooter({
  source,
  filename,
  imageTitle,
  ...csv
}: {
  source: string;
  filename: string;
  imageTitle?: string;
} & ({ table: TableData } | { csvHref: string })) {
  return (
    <footer className="chart-footer">
      <p className="source-note">
        출처: {source} · <Link href="/method">분석 방법</Link>
      </p>
      <div className="chart-downloads">
        {"csvHref" in csv ? (
          <a className="button-secondary" href={csv.csvHref} download={`${filename}.csv`} data-testid="csv-download">
            CSV 다운로드
          </a>
        ) : (
          <CsvDownload table={csv.table} filename={filename} />
        )}
        {imageTitle ? <ImageDownload title={imageTitle} source={source} filename={filename} /> : null}
      </div>
    </footer>
  );
}
