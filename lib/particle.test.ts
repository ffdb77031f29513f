import { describe, expect, it } from "vitest";
import { particle, withParticle } from "./particle";

describe("particles follow the final sound of the word before them", () => {
  it("와/과: '고객층 6개와' (개 ends in a vowel), '3개월과' (월 ends in ㄹ)", () => {
    expect(withParticle("고른 고객층 6개", "와/과")).toBe("고른 고객층 6개와");
    expect(withParticle("상위 타겟 10개 고객층", "와/과")).toBe("상위 타겟 10개 고객층과");
    expect(withParticle("3개월", "와/과")).toBe("3개월과");
    expect(withParticle("서울", "와/과")).toBe("서울과");
    expect(withParticle("유튜브", "와/과")).toBe("유튜브와");
  });
  it("reads a trailing digit in Sino-Korean: 6 (육) and 1 (일) take 과, 2 (이) and 9 (구) take 와", () => {
    expect(particle("6", "와/과")).toBe("과");
    expect(particle("1", "와/과")).toBe("과");
    expect(particle("10", "와/과")).toBe("과");
    expect(particle("2", "와/과")).toBe("와");
    expect(particle("9", "와/과")).toBe("와");
  });
  it("을/를, 이/가, 은/는", () => {
    expect(withParticle("예산", "을/를")).toBe("예산을");
    expect(withParticle("노출 수", "을/를")).toBe("노출 수를");
    expect(withParticle("고객층", "이/가")).toBe("고객층이");
    expect(withParticle("서비스", "이/가")).toBe("서비스가");
    expect(withParticle("노출 수", "은/는")).toBe("노출 수는");
    expect(withParticle("계획", "은/는")).toBe("계획은");
  });
  it("로/으로: 로 after a vowel and after ㄹ, 으로 after any other final consonant", () => {
    expect(withParticle("서울", "로/으로")).toBe("서울로");
    expect(withParticle("기본값", "로/으로")).toBe("기본값으로");
    expect(withParticle("지도", "로/으로")).toBe("지도로");
  });
  it("looks past trailing spaces", () => {
    expect(particle("고객층 ", "와/과")).toBe("과");
  });
});
