"use client";

import { tableCsv, type TableData } from "@/lib/table";

/** Downloads exactly the rows of the table view as a CSV file (UTF-8 with BOM; whole-number columns rounded, see csvValue). */
export function CsvDownload({ table, filename }: { table: TableData; filename: string }) {
  function download() {
    const csv = tableCsv(table);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename.endsWith(".csv") ? filename : `${filename}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <button type="button" className="button-secondary" onClick={download} data-testid="csv-download">
      CSV 다운로드
    </button>
  );
}
