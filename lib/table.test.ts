import { describe, expect, it } from "vitest";
import { csvValue, tableCsv, type TableData } from "./table";

describe("a table's CSV", () => {
  const table: TableData = {
    columns: [
      { label: "고객층", kind: "text" },
      { label: "예산 (원)", kind: "int" },
      { label: "노출 수", kind: "int" },
      { label: "사용량", kind: "usage" },
      { label: "z", kind: "signed" },
    ],
    rows: [
      ["강남구 20대 여성", 7581943.679809049, 1516388.7359618098, 12.3456, -0.4213],
      ["서초구 30대 남성", 2418056.320190951, 483611.2640381902, -0.0001, null],
    ],
  };

  it("writes won and impressions (int columns) as whole numbers, and every other figure unrounded", () => {
    const lines = tableCsv(table).slice(1).split("\r\n");
    expect(lines[0]).toBe("고객층,예산 (원),노출 수,사용량,z");
    expect(lines[1]).toBe("강남구 20대 여성,7581944,1516389,12.3456,-0.4213");
    expect(lines[2]).toBe("서초구 30대 남성,2418056,483611,-0.0001,");
  });

  it("leaves integers (a plan's largest-remainder parts) as they are, so they still add up to the total", () => {
    const parts = [7581944, 2418056];
    expect(parts.map((p) => csvValue(p, "int"))).toEqual(parts);
    expect(parts.reduce((a, b) => a + b)).toBe(10_000_000);
  });

  it("writes a rounded negative zero as 0, and keeps missing and text cells", () => {
    expect(csvValue(-0.4, "int")).toBe(0);
    expect(Object.is(csvValue(-0.4, "int"), -0)).toBe(false);
    expect(csvValue(null, "int")).toBeNull();
    expect(csvValue("–", "int")).toBe("–");
    expect(csvValue(0.5, "decimal")).toBe(0.5);
  });
});
