import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

/** Spreadsheet formula injection: text that starts like a formula is neutralised; numbers stay numbers. */
describe("CSV injection safety", () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=cmd", `"'\r=cmd"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("text %j is written as %j (a leading apostrophe: shown, never evaluated)", (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it.each([-1.234567, -0.5, 0, 3, 12.75, -31, 1e-7])(
    "the number %d stays a number, negative ones without an apostrophe",
    (n) => {
      expect(csvCell(n)).toBe(String(n));
      expect(Number(csvCell(n))).toBe(n);
    },
  );

  it("keeps ordinary text as is, quotes commas, quotes and newlines, and leaves missing values empty", () => {
    expect(csvCell("강남구")).toBe("강남구");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("writes a whole table: hostile text cells neutralised, negative indices as numbers", () => {
    const csv = toCsv(
      ["district", "service", "z"],
      [
        ["=1+1", "@youtube", -1.25],
        ["강남구", "-netflix", -0.0001],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toEqual(["district,service,z", "'=1+1,'@youtube,-1.25", "강남구,'-netflix,-0.0001", ""]);
  });
});
