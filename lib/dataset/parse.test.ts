import { describe, expect, it } from "vitest";
import { fixtureDataset } from "@/test/fixtures/dataset";
import { formatUsageCsv } from "./format";
import { sha256 } from "./load";
import { DatasetError, parseDataset, parseUsageCsv } from "./parse";

const { rows, meta } = fixtureDataset();
const csv = formatUsageCsv(rows);
const metaFor = (text: string, extra: object = {}) => JSON.stringify({ ...meta, sha256: sha256(text), ...extra });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  throw new Error("expected a DatasetError");
}

describe("parseDataset", () => {
  it("round-trips the written format exactly", () => {
    const parsed = parseDataset(csv, metaFor(csv), sha256(csv));
    expect(parsed.rows).toEqual(rows);
    expect(parsed.meta.months).toEqual(meta.months);
  });

  it("names file, line and column of bad cells", () => {
    const lines = csv.split("\n");
    lines[1] = lines[1]!.replace(",F,20,", ",X,20,");
    lines[5] = lines[5]!.replace(/,[^,]+$/, ",abc");
    const problems = problemsOf(() => parseUsageCsv(lines.join("\n")));
    expect(problems).toEqual([
      'usage.csv:2: column "sex": "X" is not F or M',
      'usage.csv:6: column "delivery": "abc" is not a finite number',
    ]);
  });

  it("accepts negative values in every service column", () => {
    const negative = csv.replace("\n2024-01,11110,종로구,F,20,1,1,", "\n2024-01,11110,종로구,F,20,1,-1,");
    expect(parseUsageCsv(negative)[0]!.usage.game).toBe(-1);
  });

  it("rejects a wrong header, an unknown district code and a negative population", () => {
    expect(problemsOf(() => parseUsageCsv("month,district\n"))[0]).toMatch(/^usage\.csv:1: header must be/);
    const bad = csv.replace("2024-01,11110,종로구,F,20,1,", "2024-01,99999,종로구,F,20,-1,");
    expect(problemsOf(() => parseUsageCsv(bad))).toEqual([
      'usage.csv:2: column "district_code": unknown district code "99999"',
      'usage.csv:2: column "population": "-1" is not a non-negative number',
    ]);
  });

  it("refuses implausible magnitudes and non-decimal numbers", () => {
    const bad = csv
      .replace("\n2024-01,11110,종로구,F,20,1,1,", "\n2024-01,11110,종로구,F,20,1e200,0x1F,")
      .replace("\n2024-01,11110,종로구,M,20,2,3,", "\n2024-01,11110,종로구,M,20,2,2e7,");
    expect(problemsOf(() => parseUsageCsv(bad))).toEqual([
      'usage.csv:2: column "population": 1e200 is over the plausible 10000000',
      'usage.csv:2: column "game": "0x1F" is not a finite number',
      'usage.csv:3: column "game": 2e7 is outside the plausible ±10000000',
    ]);
  });

  it("refuses a dataset with a missing segment, naming it", () => {
    const missing = csv
      .split("\n")
      .filter((_, i) => i !== 1)
      .join("\n");
    const problems = problemsOf(() => parseDataset(missing, metaFor(missing), sha256(missing)));
    expect(problems).toEqual(["usage.csv: missing row for 2024-01 종로구 F 20"]);
  });

  it("refuses a CSV that does not match meta.json's sha256", () => {
    expect(problemsOf(() => parseDataset(csv, metaFor("other"), sha256(csv)))[0]).toMatch(
      /sha256 .* does not match usage\.csv/,
    );
  });

  it("refuses months in the CSV that meta.json does not list", () => {
    const problems = problemsOf(() => parseDataset(csv, metaFor(csv, { months: ["2024-01", "2024-02"] }), sha256(csv)));
    expect(problems[0]).toMatch(/^usage\.csv:\d+: month 2024-03 is not listed in meta\.json$/);
  });

  it("refuses invalid meta.json", () => {
    expect(problemsOf(() => parseDataset(csv, "{", sha256(csv)))[0]).toMatch(/^meta\.json: not valid JSON/);
    expect(problemsOf(() => parseDataset(csv, metaFor(csv, { kind: "other" }), sha256(csv)))[0]).toMatch(
      /^meta\.json: field "kind"/,
    );
  });
});
