"use client";

import Link from "next/link";
import { createParser, useQueryState, useQueryStates } from "nuqs";
import { memo, useMemo, useTransition } from "react";
import { ChartFooter } from "@/components/ChartFrame";
import type { AnySegment, Grain, ServiceId } from "@/lib/domain";
import { formatInt, formatKoreanAmount, formatSigned, serviceName } from "@/lib/format";
import { audiencePage } from "@/lib/params/pages";
import { shapeParsers } from "@/lib/params/nuqs";
import * as v from "@/lib/params/values";
import { csvValue, formatCell, type TableData } from "@/lib/table";
import {
  compareLink,
  pickSummary,
  planLink,
  readSegmentsLeniently,
  TABLE_SORT_COLUMNS,
  toggledPicks,
  type AudiencePager,
  type AudienceViewRow,
} from "@/lib/views/audience";
import { AudienceControls } from "./AudienceControls";
import styles from "./audience.module.css";

// Ticks stay in the browser (shallow) and replace the history entry: ticking ten rows is one step
// back, not ten, and the summary below is computed here without waiting for the server. The list is
// read as the server page reads it — the valid ids of a partly bad link are kept — and written with
// the pick codec.
const pickParser = createParser({
  parse: (raw) => readSegmentsLeniently([raw], 300, v.anySegment).items,
  serialize: v.pickedSegments.serialize,
  eq: v.pickedSegments.equals,
})
  .withDefault([])
  .withOptions({ shallow: true, history: "replace" });
const parsers = shapeParsers(audiencePage);
const viewParsers = {
  sort: parsers.sort,
  offset: parsers.offset,
  sex: parsers.sex,
  age: parsers.age,
  district: parsers.district,
};

interface Props {
  service: ServiceId;
  /** District segments (300) or 행정동 segments: what a row is. */
  grain: Grain;
  sort: v.AudienceTableSort;
  /** The shown page of the filtered rows in the chosen order. */
  rows: AudienceViewRow[];
  /** The shown rows as the table's cells (audienceTable): what the CSV has for them. */
  table: TableData;
  /** How many rows the filters keep (every page). */
  total: number;
  /**
   * The CSV of every filtered row in this order (/api/services/{service}/audience/csv): fetched when
   * asked for, not carried in the page — the 행정동 grain has 5,088 rows.
   */
  csvHref: string;
  pager: AudiencePager;
  /** Every picked segment's row, shown or filtered out, so the summary can count them all. */
  pickedRows: AudienceViewRow[];
  filterText: string;
  source: string;
}

export function AudienceBuilder({
  service,
  grain,
  sort,
  rows,
  table,
  total,
  csvHref,
  pager,
  pickedRows,
  filterText,
  source,
}: Props) {
  const [pending, startTransition] = useTransition();
  const [view, setView] = useQueryStates(viewParsers, { startTransition });
  const [urlPicks, setPicks] = useQueryState("pick", pickParser);
  const picks = useMemo(() => urlPicks ?? [], [urlPicks]);
  const known = useMemo(() => new Map([...pickedRows, ...rows].map((r) => [r.id, r])), [rows, pickedRows]);
  const picked = useMemo(() => new Set(picks.map(v.anySegment.serialize)), [picks]);
  const summary = pickSummary(picks.flatMap((p) => known.get(v.anySegment.serialize(p)) ?? []));
  const toggle = (id: string, on: boolean) => void setPicks(toggledPicks(picks, id, on));
  const name = serviceName(service);

  return (
    <>
      <AudienceControls startTransition={startTransition} />
      <p className={styles.status} role="status" aria-live="polite" data-testid="audience-status">
        {pending ? "표를 새로 계산하는 중…" : `${filterText}: ${total}개 고객층`}
      </p>

      <section className={`card ${styles.tableCard}`} aria-labelledby="audience-title">
        <h2 id="audience-title">{name} 고객층 목록</h2>
        {rows.length === 0 ? (
          <div className={styles.empty} data-testid="audience-empty">
            <p>이 필터에 맞는 고객층이 없습니다.</p>
            <button
              type="button"
              className="button-secondary"
              onClick={() => void setView({ sex: null, age: null, district: null, offset: null })}
            >
              필터 지우고 전체 보기
            </button>
          </div>
        ) : (
          <AudienceTable
            table={table}
            rows={rows}
            sort={sort}
            // The URL changes at the click, the rows when the server answers: a second click before then
            // must reverse the sort just chosen, not the one still shown.
            clickedSort={view.sort ?? sort}
            picked={picked}
            onToggle={toggle}
            busy={pending}
            onSort={(next) => void setView({ sort: next, offset: null })}
            service={service}
          />
        )}
        {pager.pages.length > 1 ? (
          <nav className={styles.pager} aria-label="표 페이지">
            <span className={styles.pagerNote}>{total}개 중</span>
            <ul>
              {pager.pages.map((p) => (
                <li key={p.offset}>
                  <button
                    type="button"
                    className={styles.pageButton}
                    aria-current={p.offset === pager.offset ? "page" : undefined}
                    onClick={() => void setView({ offset: p.offset || null })}
                    data-offset={p.offset}
                  >
                    {p.label}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <ChartFooter
          source={`${source} CSV에는 이 필터의 ${total}개 고객층이 이 순서대로 모두 들어 있습니다.`}
          csvHref={csvHref}
          filename={grain === "dong" ? `audience-${service}-dong` : `audience-${service}`}
        />
      </section>

      <PickBar
        service={service}
        grain={grain}
        picks={picks}
        count={summary.count}
        population={summary.population}
        meanZ={summary.meanZ}
        onClear={() => void setPicks(null)}
      />
    </>
  );
}

interface TableProps {
  table: TableData;
  rows: AudienceViewRow[];
  sort: v.AudienceTableSort;
  clickedSort: v.AudienceTableSort;
  picked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  busy: boolean;
  onSort: (sort: v.AudienceTableSort) => void;
  service: ServiceId;
}

function AudienceTable({ table, rows, sort, clickedSort, picked, onToggle, busy, onSort, service }: TableProps) {
  const { column: sortColumn, direction } = v.splitSort(sort);
  const clicked = v.splitSort(clickedSort);
  return (
    <div
      className={`table-scroll ${styles.scroll}`}
      tabIndex={0}
      role="region"
      aria-label={`${serviceName(service)} 고객층 표`}
    >
      <table
        className={styles.table}
        data-testid="audience-table"
        data-service={service}
        data-sort={sort}
        aria-busy={busy}
      >
        <caption className="visually-hidden">
          {serviceName(service)} 고객층 목록, 정렬:{" "}
          {v.audienceTableSort.allowed.values!.find((a) => a.value === sort)!.label}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.pickCol}>
              선택
            </th>
            {table.columns.map((c, i) => {
              const column = TABLE_SORT_COLUMNS[i]!;
              const active = column === sortColumn;
              // A first click sorts numbers highest first and names in order; a second click reverses.
              const first: v.SortDirection = c.kind === "text" ? "asc" : "desc";
              const next: v.AudienceTableSort = `${column}-${column === clicked.column ? (clicked.direction === "asc" ? "desc" : "asc") : first}`;
              return (
                <th
                  key={c.label}
                  scope="col"
                  className={c.kind === "text" ? undefined : "num"}
                  aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : undefined}
                >
                  <button type="button" className={styles.sortButton} onClick={() => onSort(next)} data-column={column}>
                    {c.label}
                    <span aria-hidden="true" className={styles.sortMark}>
                      {active ? (direction === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <AudienceRow
              key={r.id}
              row={r}
              cells={table.rows[i]!}
              kinds={table.columns.map((c) => c.kind)}
              checked={picked.has(r.id)}
              onToggle={onToggle}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: AudienceViewRow;
  cells: TableData["rows"][number];
  kinds: TableData["columns"][number]["kind"][];
  checked: boolean;
  onToggle: (id: string, on: boolean) => void;
}

const CELL_CLASS = ["district", "sex", "age", "pop", "usage", "z", "effect", "score"] as const;
/** Short names shown before each figure when a phone lays the row out as a card (the header row is far up). */
const CELL_SHORT = [undefined, undefined, undefined, "인구", "사용량", "z", "효과", "점수"] as const;

/** One segment: a labelled checkbox (Space toggles it), then the table's cells with their raw values. */
const AudienceRow = memo(function AudienceRow({ row, cells, kinds, checked, onToggle }: RowProps) {
  return (
    <tr data-id={row.id} className={checked ? styles.checked : undefined}>
      <td className={styles.pickCell}>
        <label className={styles.pickLabel}>
          <input
            type="checkbox"
            checked={checked}
            onChange={(e) => onToggle(row.id, e.target.checked)}
            data-testid="pick"
          />
          <span className="visually-hidden">{row.label} 선택</span>
        </label>
      </td>
      {cells.map((cell, j) => (
        <td
          key={j}
          className={`${kinds[j] === "text" ? "" : "num"} ${styles[CELL_CLASS[j]!]}`}
          data-value={csvValue(cell, kinds[j]!) ?? ""}
          data-short={CELL_SHORT[j]}
        >
          {formatCell(cell, kinds[j]!)}
          {j === 0 ? <span className={styles.phoneOnly} aria-hidden="true">{` ${cells[2]} ${cells[1]}`}</span> : null}
        </td>
      ))}
    </tr>
  );
});

interface PickBarProps {
  service: ServiceId;
  grain: Grain;
  picks: AnySegment[];
  count: number;
  population: number;
  meanZ: number | null;
  onClear: () => void;
}

/** The sticky summary of the ticked segments and where they can go next. */
function PickBar({ service, grain, picks, count, population, meanZ, onClear }: PickBarProps) {
  const compare = compareLink(service, picks);
  const plan = planLink(service, picks, grain);
  return (
    <aside className={styles.pickBar} aria-label="선택한 고객층 요약" data-testid="pick-summary">
      <dl className={styles.summary}>
        <div>
          <dt>선택</dt>
          <dd data-testid="pick-count" data-value={count}>
            {count}개
          </dd>
        </div>
        <div>
          <dt>인구 합계</dt>
          <dd data-testid="pick-population" data-value={population}>
            <abbr title={`${formatInt(population)}명`}>{formatKoreanAmount(population, "명")}</abbr>
          </dd>
        </div>
        <div>
          <dt>평균 z (인구 가중)</dt>
          <dd data-testid="pick-mean-z" data-value={meanZ ?? ""}>
            {formatSigned(meanZ)}
          </dd>
        </div>
      </dl>
      <div className={styles.actions}>
        {"href" in compare ? (
          <Link href={compare.href} className={styles.primary} data-testid="compare-link" prefetch={false}>
            비교하기
          </Link>
        ) : (
          <span className={styles.disabled} aria-disabled="true" title={compare.reason} data-testid="compare-link">
            비교하기<span className={styles.reason}>{compare.reason}</span>
          </span>
        )}
        {"href" in plan ? (
          <Link href={plan.href} className="button-secondary" data-testid="plan-link" prefetch={false}>
            {count ? "예산 계획" : "예산 계획 (상위 10개)"}
          </Link>
        ) : (
          <span className={styles.disabled} aria-disabled="true" data-testid="plan-link">
            예산 계획<span className={styles.reason}>{plan.reason}</span>
          </span>
        )}
        {count ? (
          <button type="button" className={styles.clear} onClick={onClear}>
            선택 해제
          </button>
        ) : null}
      </div>
    </aside>
  );
}
