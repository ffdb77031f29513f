"use client";

import { useQueryState } from "nuqs";
import { useEffect, useRef } from "react";
import { nuqsParser } from "@/lib/params/nuqs";
import { tableIds } from "@/lib/params/values";

// Opening a table changes nothing the server computes, so the URL is updated in place (shallow, replace):
// no re-render request and no history entry per toggle. A page that registers `table` in its shape
// gets the same state on the server's first render (the param is then part of its canonical URL).
const tableParam = nuqsParser(tableIds)
  .withDefault([])
  .withOptions({ shallow: true, history: "replace", scroll: false });

/** A chart's table view whose open state is in the URL (`table=<id>,…`), so a shared link shows it open. */
export function TableView({ id, children }: { id: string; children: React.ReactNode }) {
  const [open, setOpen] = useQueryState("table", tableParam);
  const isOpen = open.includes(id);
  const details = useRef<HTMLDetailsElement>(null);
  // A page that has not added `table` to its shape is rendered for its canonical URL, without the
  // open tables; hydration keeps the server's closed <details>, so open the ones the URL names here.
  useEffect(() => {
    if (details.current && details.current.open !== isOpen) details.current.open = isOpen;
  }, [isOpen]);
  return (
    <details
      ref={details}
      className="chart-table"
      open={isOpen}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== isOpen)
          void setOpen((prev) => (now ? [...prev.filter((x) => x !== id), id] : prev.filter((x) => x !== id)));
      }}
    >
      <summary>표로 보기</summary>
      {children}
    </details>
  );
}
