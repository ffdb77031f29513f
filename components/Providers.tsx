"use client";

import { NuqsAdapter } from "nuqs/adapters/next/app";

/**
 * What every page's client components share: the URL-state adapter the controls and table views use.
 * React Query is not here: only /plan fetches after interaction, and it brings its own provider, so
 * other pages don't ship it.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
