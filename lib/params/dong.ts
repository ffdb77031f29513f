import { dongLabel, type Dong, type DongIndex } from "@/lib/dongs";
import { MAX_PARAM_LENGTH, type Codec } from "./codec";

const codecs = new WeakMap<DongIndex, Codec<Dong>>();

/**
 * A 행정동 of the loaded dataset: the 7-digit code (`1119054`), the `구 동` name (`영등포구 여의동`, NFC or
 * NFD, spaces optional, `서울특별시` prefix allowed) or a bare name only one district has. Written back as
 * the code, so one 행정동 has one URL. Built once per dataset, like the month codecs.
 */
export function dongCodec(index: DongIndex): Codec<Dong> {
  let codec = codecs.get(index);
  if (codec) return codec;
  codec = {
    parse: (raw) => {
      const found = index.find(raw);
      if (!found) return { ok: false, reason: "not a 행정동 of the dataset" };
      if ("candidates" in found)
        return {
          ok: false,
          reason: `ambiguous: give the district too (${found.candidates.map(dongLabel).join(", ")})`,
        };
      return { ok: true, value: found.dong };
    },
    serialize: (d) => d.code,
    equals: (a, b) => a.code === b.code,
    allowed: {
      text: `one of the dataset's ${index.list.length} 행정동 by 7-digit code or "구 동" name (e.g. 1119054, 영등포구 여의동); see /api/dongs`,
      form: "7-digit 행정동 code or 구 동 name (see /api/dongs)",
    },
    maxLength: MAX_PARAM_LENGTH,
  };
  codecs.set(index, codec);
  return codec;
}
