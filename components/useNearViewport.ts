"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

/**
 * Whether an element has come within `margin` of the viewport (and stays true once it has). Charts use
 * it to fetch Recharts (~120 KB gzip, most of a page's JavaScript) only when a reader scrolls to them.
 */
export function useNearViewport<T extends Element>(margin = "200px 0px"): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          io.disconnect();
        }
      },
      { rootMargin: margin },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near, margin]);
  return [ref, near];
}
