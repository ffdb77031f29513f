import { describe, expect, it } from "vitest";
import { parseParams } from "@/lib/api/params";
import { segmentPageShape, servicePageShape } from "@/lib/page-params";
import { describeProblem } from "./param-messages";

function problemFor(query: string, shape: Parameters<typeof parseParams>[1]) {
  const r = parseParams(new URLSearchParams(query), shape);
  if (r.ok) throw new Error("expected a problem");
  return describeProblem(r.problem);
}

describe("describeProblem", () => {
  it("names an invalid value in Korean with labelled allowed values", () => {
    const d = problemFor("sex=X", segmentPageShape);
    expect(d.detail).toBe('성별(sex)에 "X"은(는) 사용할 수 없는 값입니다.');
    expect(d.allowed).toEqual([
      { value: "F", label: "여성" },
      { value: "M", label: "남성" },
    ]);
  });
  it("lists the 25 districts by Korean name and slug", () => {
    const d = problemFor("district=nowhere", segmentPageShape);
    expect(d.allowed).toHaveLength(25);
    expect(d.allowed).toContainEqual({ value: "gangnam-gu", label: "강남구" });
  });
  it("explains a repeated parameter", () => {
    expect(problemFor("service=game&service=netflix", servicePageShape).detail).toBe("서비스(service) 값이 링크에 여러 번 들어 있습니다. 한 번만 지정해 주세요.");
    expect(problemFor("service=tiktok", servicePageShape).allowed).toContainEqual({ value: "delivery", label: "배달" });
  });
  it("labels age bands", () => {
    expect(problemFor("age=25", segmentPageShape).allowed[0]).toEqual({ value: "20", label: "20대" });
  });
});
