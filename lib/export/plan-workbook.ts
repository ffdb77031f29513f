import { utils, write, type CellObject, type WorkSheet } from "@e965/xlsx";
import type { DatasetMeta } from "@/lib/dataset/types";
import type { Plan } from "@/lib/engine";
import { monthLabel, serviceName } from "@/lib/format";
import type { TableData } from "@/lib/table";
import {
  allocationRule,
  flightTable,
  frequencyTable,
  kstTimestamp,
  monthReachTable,
  PLAN_CAVEAT,
  peopleRange,
  planSummary,
  REACH_LIMITS,
  REACHABLE_SENTENCE,
  reachRule,
  segmentName,
  segmentTable,
  SHAPE_SENTENCE,
  unspentReason,
  isDongPlan,
} from "@/lib/views/plan";

/**
 * The plan as an XLSX workbook: the segments sheet and the months sheet hold exactly the rows of the
 * page's tables (and CSVs), numbers unrounded with a display format; a third sheet says what went in,
 * where the data comes from and how the budget was shared. Written with SheetJS (see the commit for
 * why): text cells are typed as strings, so nothing in them is ever evaluated as a formula.
 */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const SHEET_NAMES = {
  segments: "고객층별 예산",
  months: "월별 편성",
  monthReach: "월별 노출·도달",
  frequency: "빈도 분포",
  inputs: "입력·출처·방법",
} as const;

const NUMBER_FORMATS: Record<string, string> = {
  int: "#,##0",
  decimal: "0.00",
  signed: "+0.00;-0.00;0.00",
  usage: "#,##0.000",
};

function tableSheet(table: TableData): WorkSheet {
  const sheet = utils.aoa_to_sheet([table.columns.map((c) => c.label), ...table.rows]);
  table.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const format = NUMBER_FORMATS[table.columns[c]!.kind];
      const cell = sheet[utils.encode_cell({ r: r + 1, c })] as CellObject | undefined;
      if (format && cell && typeof value === "number") cell.z = format;
    });
  });
  sheet["!cols"] = table.columns.map((col, c) => ({
    wch: Math.min(40, Math.max(8, col.label.length * 2, ...table.rows.map((row) => String(row[c] ?? "").length + 2))),
  }));
  return sheet;
}

export interface WorkbookInput {
  plan: Plan;
  /** True when the segments are the service's top targets because none were chosen. */
  defaultSegments: boolean;
  meta: Pick<DatasetMeta, "title" | "attribution" | "source">;
  /** The plan's page, so the workbook leads back to the same view. */
  link: string;
  now: Date;
}

export function planWorkbook({ plan, defaultSegments, meta, link, now }: WorkbookInput): Buffer {
  const book = utils.book_new();
  utils.book_append_sheet(book, tableSheet(segmentTable(plan)), SHEET_NAMES.segments);
  utils.book_append_sheet(book, tableSheet(flightTable(plan)), SHEET_NAMES.months);
  utils.book_append_sheet(book, tableSheet(monthReachTable(plan)), SHEET_NAMES.monthReach);
  utils.book_append_sheet(book, tableSheet(frequencyTable(plan)), SHEET_NAMES.frequency);

  const segments = plan.segments.map((s) => segmentName(s.segment)).join(", ");
  const inputs: (string | number)[][] = [
    ["항목", "값"],
    ["서비스", `${serviceName(plan.service)} (${plan.service})`],
    ["예산 (원)", plan.budget],
    ["CPM (원, 노출 1,000회당 — 직접 입력한 단가)", plan.cpm],
    ["빈도 상한 (1인당 월 노출)", plan.cap],
    ["가정: 도달 가능 비율 (%)", plan.reachable],
    ["도달 가능 비율이란", REACHABLE_SENTENCE],
    ["가정: 노출 분포 모양 k", plan.shape],
    ["노출 분포 모양이란", SHAPE_SENTENCE],
    ["캠페인 기간", plan.months.map(monthLabel).join(", ")],
    [`고객층 (${plan.segments.length}개${defaultSegments ? ", 기본값: 이 서비스의 상위 타겟" : ""})`, segments],
    ["노출 수", plan.impressions],
    ["집행 예산 (원)", plan.spent],
    ["남는 예산 (원)", plan.unspent],
    ["도달 1회 이상 (명, 범위)", peopleRange(plan.reach).exact],
    ["도달 3회 이상 (명, 범위)", peopleRange(plan.reach3).exact],
    ["남는 이유", unspentReason(plan) ?? "없음 (예산을 모두 배정)"],
    ["요약", planSummary(plan)],
    ["배정 방식", allocationRule(plan.service, plan.cap, isDongPlan(plan))],
    ["도달 추정 방식", reachRule(plan)],
    ["주의", `${PLAN_CAVEAT} ${REACH_LIMITS}`],
    ["자료", meta.title],
    ["출처", `${meta.attribution} — ${meta.source}`],
    ["계획 링크", link],
    ["만든 때", kstTimestamp(now)],
  ];
  const sheet = utils.aoa_to_sheet(inputs);
  // 예산, CPM, 빈도 상한, 노출 수, 집행·남는 예산: whole numbers with separators
  for (const r of [2, 3, 4, 11, 12, 13]) {
    const cell = sheet[utils.encode_cell({ r, c: 1 })] as CellObject | undefined;
    if (cell) cell.z = "#,##0";
  }
  sheet["!cols"] = [{ wch: 36 }, { wch: 100 }];
  utils.book_append_sheet(book, sheet, SHEET_NAMES.inputs);
  book.Props = { Title: `${serviceName(plan.service)} 광고 예산 계획`, Author: "AdTarget Seoul", CreatedDate: now };
  return write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
