import type { Metadata, Viewport } from "next";
import { Providers } from "@/components/Providers";
import { SiteFooter } from "@/components/SiteFooter";
import { SiteHeader } from "@/components/SiteHeader";
import { siteUrl } from "@/lib/site-url";
import "./globals.css";

// SITE_URL makes link previews' URLs absolute, as chat apps want them; without it they stay relative.
export const metadata: Metadata = {
  metadataBase: siteUrl() ?? null,
  title: { default: "AdTarget Seoul — 서울 광고 타겟팅", template: "%s · AdTarget Seoul" },
  description: "서울 시민생활 데이터로 어디에, 누구에게, 언제 광고할지 정합니다.",
  openGraph: { siteName: "AdTarget Seoul", locale: "ko_KR", type: "website" },
  // The static files of public/: the manifest lets a phone add the app to its home screen.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  appleWebApp: { title: "애드타겟 서울" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#10243e" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko">
      <body>
        <a className="skip-link" href="#main">
          본문으로 건너뛰기
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="container">
            {children}
          </main>
        </Providers>
        <SiteFooter />
      </body>
    </html>
  );
}
