import Link from "next/link";

const NAV = [
  { href: "/insights", label: "현황 분석" },
  { href: "/segment", label: "고객별 맞춤 광고" },
  { href: "/service", label: "서비스별 타겟" },
] as const;

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link href="/" className="brand">
          AdTarget <span>Seoul</span>
        </Link>
        <nav aria-label="주요 메뉴">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
