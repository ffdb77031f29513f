"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { carriedHref, NAV_PAGES } from "@/lib/views/nav";

/**
 * The header's page links, carrying the current service and segment (lib/views/nav.ts). Not
 * prefetched: a prefetch is a server render of the page's navigation payload, which (unlike the page
 * HTML) is not cached, so seven links would cost seven renders per page view.
 */
export function NavLinks() {
  const pathname = usePathname();
  const search = useSearchParams();
  const current = new URLSearchParams(search.toString());
  return <NavList hrefOf={(path) => carriedHref(path, current)} pathname={pathname} />;
}

/** The same links without the current URL: the server's fallback while the URL is not known. */
export function PlainNavLinks() {
  return <NavList hrefOf={(path) => path} pathname={null} />;
}

function NavList({ hrefOf, pathname }: { hrefOf: (path: string) => string; pathname: string | null }) {
  return (
    <ul>
      {NAV_PAGES.map((n) => (
        <li key={n.path}>
          <Link href={hrefOf(n.path)} prefetch={false} aria-current={pathname === n.path ? "page" : undefined}>
            {n.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
