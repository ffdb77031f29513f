import { expect, type Page } from "@playwright/test";

/**
 * Korean line breaking as rendered: for every element matched, the text's line boxes are measured per
 * character (Range.getClientRects), and each place a new line starts is checked. A break between two
 * Hangul syllables with no space between them splits a word ("광고할/까") — what `word-break: keep-all`
 * prevents. Breaks at spaces, after punctuation, or inside Latin/digit runs are not counted.
 */
export interface WordSplit {
  selector: string;
  text: string;
  /** The text with "|" where the line broke inside a word. */
  at: string;
}

export async function hangulWordSplits(page: Page, selector = "h1, h2, h3"): Promise<WordSplit[]> {
  return page.evaluate((sel) => {
    const hangul = /[\uAC00-\uD7A3\u3131-\u318E]/;
    const out: { selector: string; text: string; at: string }[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (!el.offsetParent && getComputedStyle(el).position !== "fixed") continue; // not rendered
      // Every character of every visible text node inside, in order, with its first line box's top.
      const chars: { ch: string; top: number; left: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) {
            chars.push({ ch: text[i]!, top: NaN, left: NaN });
            continue;
          }
          chars.push({ ch: text[i]!, top: rect.top, left: rect.left });
        }
      }
      let prev: { ch: string; top: number; left: number; i: number } | undefined;
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i]!;
        if (Number.isNaN(c.top)) {
          // A collapsed space or a line-break space: remember that the word ended.
          if (/\s/.test(c.ch)) prev = undefined;
          continue;
        }
        if (/\s/.test(c.ch)) {
          prev = undefined;
          continue;
        }
        // A new line: below the previous character and back to the left.
        if (
          prev &&
          c.top > prev.top + 2 &&
          c.left < prev.left &&
          hangul.test(prev.ch) &&
          hangul.test(c.ch) &&
          i === prev.i + 1
        ) {
          const text = chars.map((x) => x.ch).join("");
          out.push({ selector: sel, text: text.trim(), at: `${text.slice(0, i)}|${text.slice(i)}`.trim() });
        }
        prev = { ...c, i };
      }
    }
    return out;
  }, selector);
}

export async function expectNoHangulWordSplit(page: Page, selector = "h1, h2, h3") {
  const splits = await hangulWordSplits(page, selector);
  expect(
    splits.map((s) => s.at),
    "Hangul words split across lines",
  ).toEqual([]);
}
