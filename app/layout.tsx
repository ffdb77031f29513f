import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AdTarget Seoul", template: "%s · AdTarget Seoul" },
  description: "서울 시민생활 데이터로 어디에, 누구에게, 언제 광고할지 정합니다.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko">
      <body>{children}</body>
    </html>
  );
}
