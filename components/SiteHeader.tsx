import Link from "next/link";
import { Suspense } from "react";
import { CopyLinkButton } from "./CopyLinkButton";
import { NavLinks, PlainNavLinks } from "./NavLinks";

/**
 * Every page's header: the brand, the page links (carrying the chosen service and segment between
 * pages) and "링크 복사". Rendered on the server; the links read the URL in a small client component,
 * so one header serves every page and each page's HTML stays a function of its URL alone.
 */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link href="/" className="brand">
          AdTarget <span>Seoul</span>
        </Link>
        <nav aria-label="주요 메뉴">
          {/* useSearchParams needs a boundary for prerendered pages; dynamic pages render the links directly. */}
          <Suspense fallback={<PlainNavLinks />}>
            <NavLinks />
          </Suspense>
        </nav>
        <CopyLinkButton />
      </div>
    </header>
  );
}
