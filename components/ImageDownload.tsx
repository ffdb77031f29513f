"use client";

import { useRef, useState } from "react";
import { CHART_IMAGE_SCALE, chartImageName, chartImageSvg } from "@/lib/chart-image";

/** Every rule of the page's own stylesheets (same origin), so the copy inside the image is styled as the page. */
function pageCss(): string {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const rule of Array.from(sheet.cssRules)) rules.push(rule.cssText);
    } catch {
      // A stylesheet from another origin cannot be read; the page has none.
    }
  }
  return rules.join("\n");
}

/**
 * The frame's title, chart body (the chart and its legend) and source line, copied into a white box
 * as wide as the frame. It is laid out off-screen once to measure its height, then serialized.
 */
function frameCopy(
  frame: HTMLElement,
  title: string,
  source: string,
): { xhtml: string; width: number; height: number } {
  const body = frame.querySelector<HTMLElement>(".chart-body");
  if (!body) throw new Error("chart body not found");
  // A list or table that scrolls inside the chart is drawn whole: the image is as wide as its widest part.
  const scrollers = [body, ...Array.from(body.querySelectorAll<HTMLElement>("*"))].map((el) => {
    const style = getComputedStyle(el);
    const scrolls = /auto|scroll/.test(`${style.overflowX} ${style.overflowY}`);
    return {
      scrolls: scrolls && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1),
      x: el.scrollWidth - el.clientWidth,
    };
  });
  const extra = Math.max(0, ...scrollers.map((s) => (s.scrolls ? s.x : 0)));
  const width = Math.ceil(body.getBoundingClientRect().width + extra) + 48;
  const box = document.createElement("div");
  box.setAttribute(
    "style",
    `width:${width}px;padding:20px 24px 16px;background:#fff;color:var(--text);font-family:var(--font);line-height:1.55;word-break:keep-all;overflow-wrap:break-word`,
  );
  const heading = document.createElement("h2");
  heading.textContent = title;
  const copy = body.cloneNode(true) as HTMLElement;
  // The copy's elements are the body's in the same order, so scrollers[i] describes the i-th one.
  [copy, ...Array.from(copy.querySelectorAll<HTMLElement>("*"))].forEach((el, i) => {
    if (scrollers[i]!.scrolls) el.style.cssText += ";overflow:visible;max-height:none;height:auto";
  });
  // Nothing in the image is interactive: controls marked data-image-skip are left out, and ids stay unique to the live chart.
  copy.querySelectorAll("[data-image-skip]").forEach((el) => el.remove());
  copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
  const note = document.createElement("p");
  note.className = "source-note";
  note.setAttribute("style", "margin-top:12px");
  note.textContent = `출처: ${source}`;
  box.append(heading, copy, note);
  const stage = document.createElement("div");
  stage.setAttribute("aria-hidden", "true");
  stage.inert = true;
  stage.setAttribute("style", "position:fixed;left:-100000px;top:0;pointer-events:none");
  stage.append(box);
  document.body.append(stage);
  try {
    const height = Math.ceil(box.getBoundingClientRect().height);
    return { xhtml: new XMLSerializer().serializeToString(box), width, height };
  } finally {
    stage.remove();
  }
}

async function framePng(frame: HTMLElement, title: string, source: string): Promise<Blob> {
  const { xhtml, width, height } = frameCopy(frame, title, source);
  const svg = chartImageSvg({ xhtml, css: pageCss(), width, height });
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * CHART_IMAGE_SCALE;
  canvas.height = height * CHART_IMAGE_SCALE;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d canvas");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob failed"))), "image/png"),
  );
}

/**
 * "이미지 저장": the chart as a PNG with its title, legend and source line (lib/chart-image.ts says
 * how and why in the browser). If the browser cannot draw it, says so beside the button.
 */
export function ImageDownload({ title, source, filename }: { title: string; source: string; filename: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  async function download() {
    const frame = button.current?.closest<HTMLElement>(".chart-frame");
    if (!frame) return;
    setState("busy");
    try {
      const png = await framePng(frame, title, source);
      const url = URL.createObjectURL(png);
      const a = document.createElement("a");
      a.href = url;
      a.download = chartImageName(filename);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState("idle");
    } catch {
      setState("failed");
    }
  }
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button-secondary"
        onClick={download}
        disabled={state === "busy"}
        data-testid="image-download"
      >
        {state === "busy" ? "이미지 만드는 중…" : "이미지 저장"}
      </button>
      {state === "failed" ? (
        <span role="status" className="image-download-failed">
          이 브라우저에서는 이미지를 만들지 못했습니다. 화면 캡처나 CSV를 써 주세요.
        </span>
      ) : null}
    </>
  );
}
