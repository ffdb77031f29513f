import { csvValue, formatCell, type TableData } from "@/lib/table";

/** The table view of a chart; scrolls inside its own box on narrow screens. */
export function DataTable({ table, caption, testId }: { table: TableData; caption: string; testId?: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.kind === "text" ? undefined : "num"}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => {
                const kind = table.columns[j]!.kind;
                return (
                  <td key={j} className={kind === "text" ? undefined : "num"} data-value={csvValue(cell, kind) ?? ""}>
                    {formatCell(cell, kind)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
