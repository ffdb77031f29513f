import { describe, expect, it } from "vitest";
import { needsEcho, readAmountInput, readDecimalInput, readIntegerInput, staleReason } from "./plan-inputs";

describe("readAmountInput", () => {
  it("reads the forms people type", () => {
    for (const t of ["30000000", "30,000,000", "3천만", "3천만원", "3,000만 원", "0.3억"])
      expect(readAmountInput(t, 10_000, 10_000_000_000)).toEqual({ ok: true, value: 30_000_000 });
    expect(readAmountInput("3억 5천만원", 10_000, 10_000_000_000)).toEqual({ ok: true, value: 350_000_000 });
  });
  it("says in Korean what is wrong, naming the accepted forms", () => {
    expect(readAmountInput("", 100, 1_000_000)).toEqual({ ok: false, message: "값을 입력하세요." });
    expect(readAmountInput("0", 100, 1_000_000)).toEqual({
      ok: false,
      message: "100원 이상 1,000,000원 이하로 입력하세요.",
    });
    expect(readAmountInput("3e7", 10_000, 10_000_000_000)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^3e7 같은 지수 표기는 쓸 수 없습니다. 30,000,000 · 3천만원/),
    });
    expect(readAmountInput("$300", 10_000, 10_000_000_000)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^원화 금액만/),
    });
    expect(readAmountInput("삼천만", 10_000, 10_000_000_000)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^금액으로 읽을 수 없습니다/),
    });
  });
});

describe("readIntegerInput and readDecimalInput", () => {
  it("keep the codecs' ranges", () => {
    expect(readIntegerInput("10", 1, 100, "회")).toEqual({ ok: true, value: 10 });
    expect(readIntegerInput("0", 1, 100, "회")).toEqual({ ok: false, message: "1회 이상 100회 이하로 입력하세요." });
    expect(readIntegerInput("2.5", 1, 100, "회")).toEqual({ ok: false, message: "정수로 입력하세요." });
    expect(readDecimalInput("72.5", 1, 100, "%")).toEqual({ ok: true, value: 72.5 });
    expect(readDecimalInput("0.05", 0.1, 100, "")).toEqual({ ok: false, message: "0.1 이상 100 이하로 입력하세요." });
    expect(readDecimalInput("70%", 1, 100, "%")).toEqual({ ok: false, message: "숫자로 입력하세요(예: 72.5)." });
  });
  it("echo the reading only for text that is not plain digits", () => {
    expect(needsEcho("30,000,000")).toBe(false);
    expect(needsEcho("3천만원")).toBe(true);
  });
});

describe("staleReason", () => {
  it("names each field holding the plan back, or is null", () => {
    expect(staleReason([], false)).toBeNull();
    expect(staleReason(["plan-budget", "plan-cpm"], true)).toBe(
      "예산 값이 올바르지 않습니다, CPM 값이 올바르지 않습니다, 고객층이 없습니다. 고칠 때까지 아래 결과와 다운로드는 이전 계획입니다.",
    );
  });
});
