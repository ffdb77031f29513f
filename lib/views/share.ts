import type { Metadata } from "next";

/**
 * A page's link preview: title, description and the 1200×630 image drawn for the same view. The image
 * lives at /og<page path><the page's canonical query> (app/og/…), so a shared link and its preview
 * always show the same view. SITE_URL, when set, makes the preview URLs absolute for chat apps.
 */
export function ogImagePath(pagePath: string, canonicalQuery: string): string {
  return `/og${pagePath === "/" ? "/home" : pagePath}${canonicalQuery}`;
}

export function pageMetadata({
  title,
  description,
  pagePath,
  canonicalQuery,
}: {
  title: string;
  description: string;
  pagePath: string;
  canonicalQuery: string;
}): Metadata {
  const image = { url: ogImagePath(pagePath, canonicalQuery), width: 1200, height: 630, alt: title };
  return {
    title,
    description,
    alternates: { canonical: `${pagePath}${canonicalQuery}` },
    // A page's openGraph replaces the layout's whole, so the site-wide fields are repeated here.
    openGraph: {
      siteName: "AdTarget Seoul",
      locale: "ko_KR",
      type: "website",
      title,
      description,
      url: `${pagePath}${canonicalQuery}`,
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}
