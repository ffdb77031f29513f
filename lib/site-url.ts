/**
 * SITE_URL (e.g. https://adtarget.example): the host every absolute link the app writes uses — link
 * previews, the workbook's "계획 링크". Unset or not a URL: undefined, and links stay relative to the
 * request (no host is guessed from it).
 */
export function siteUrl(): URL | undefined {
  const raw = process.env.SITE_URL?.trim();
  if (!raw) return undefined;
  try {
    return new URL(raw);
  } catch {
    console.warn(`SITE_URL "${raw}" is not a URL; links keep the request's host`);
    return undefined;
  }
}
