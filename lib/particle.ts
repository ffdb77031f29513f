/**
 * Korean particles that change with the final sound of the word before them (와/과, 을/를, 이/가,
 * 은/는, 로/으로): "고객층 6개와", "3개월과". A Hangul syllable has a final consonant (받침) when
 * (code − 0xAC00) mod 28 ≠ 0; a trailing digit is read as Sino-Korean (6 = 육, ends in ㄱ); a word
 * that ends in anything else (Latin letters, symbols) takes the form written after a vowel — write
 * such words with the particle by hand (CPM은).
 */
export type Particle = "와/과" | "을/를" | "이/가" | "은/는" | "로/으로";

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** The final consonant index of a syllable that is ㄹ (로 rather than 으로 follows it). */
const FINAL_RIEUL = 8;
/** Sino-Korean readings of the digits 0–9: 영 일 이 삼 사 오 육 칠 팔 구, as final-consonant indices (0 = none). */
const DIGIT_FINAL = [21, 8, 0, 16, 0, 0, 1, 8, 8, 0] as const;

/** The index of the word's final consonant (0 = ends in a vowel or not in Hangul/digits). */
function finalConsonant(word: string): number {
  const last = word.trimEnd().at(-1);
  if (last === undefined) return 0;
  if (last >= "0" && last <= "9") return DIGIT_FINAL[Number(last)]!;
  const code = last.codePointAt(0)!;
  return code >= HANGUL_FIRST && code <= HANGUL_LAST ? (code - HANGUL_FIRST) % 28 : 0;
}

/** The particle's form after `word` (without the word). */
export function particle(word: string, pair: Particle): string {
  const final = finalConsonant(word);
  const [afterVowel, afterConsonant] = (
    {
      "와/과": ["와", "과"],
      "을/를": ["를", "을"],
      "이/가": ["가", "이"],
      "은/는": ["는", "은"],
      "로/으로": ["로", "으로"],
    } as const
  )[pair];
  // 로 also follows ㄹ: "서울로", "1일로".
  if (pair === "로/으로") return final === 0 || final === FINAL_RIEUL ? afterVowel : afterConsonant;
  return final === 0 ? afterVowel : afterConsonant;
}

/** `word` followed by its particle: withParticle("고객층 6개", "와/과") → "고객층 6개와". */
export function withParticle(word: string, pair: Particle): string {
  return word + particle(word, pair);
}
