import type { ServiceId } from "@/lib/domain";

/**
 * One colour and one dash pattern per service, so a line is told apart by two cues (Okabe–Ito colours,
 * safe for the common colour-vision deficiencies; the pale yellow is left out for contrast on white).
 */
export const SERVICE_COLOR: Readonly<Record<ServiceId, string>> = {
  game: "#E69F00",
  finance: "#56B4E9",
  shopping: "#009E73",
  video: "#0072B2",
  youtube: "#D55E00",
  netflix: "#CC79A7",
  delivery: "#000000",
};

export const SERVICE_DASH: Readonly<Record<ServiceId, string | undefined>> = {
  game: "8 4",
  finance: "2 3",
  shopping: undefined,
  video: "10 3 2 3",
  youtube: "4 2 1 2",
  netflix: "14 4",
  delivery: undefined,
};
