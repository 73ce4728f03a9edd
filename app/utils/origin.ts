// Same-origin rule for writes, shared by the HTTP server (which answers before
// Remix parses anything) and the authorize() door (which tests exercise directly).

/** A write must carry our Origin, or, when a browser omits Origin, Sec-Fetch-Site: same-origin. */
export function isSameOriginWrite(
  headers: { origin: string | null; secFetchSite: string | null },
  expectedOrigin: string,
): boolean {
  if (headers.origin !== null) return headers.origin === expectedOrigin;
  return headers.secFetchSite === "same-origin";
}
