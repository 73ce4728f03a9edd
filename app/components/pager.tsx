import { Link } from "@remix-run/react";

export function Pager({
  page,
  pageCount,
  params,
  name = "page",
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  /** The list's filters; pairs when a name repeats (`check=nda&check=ip_assignment`). */
  params: Record<string, string> | [string, string][];
  /** The query parameter holding the page (a page with two paged lists gives each its own), and the nav's name. */
  name?: string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const pairs = Array.isArray(params) ? params : Object.entries(params);
  const href = (p: number) => `?${new URLSearchParams([...pairs.filter(([k]) => k !== name), [name, String(p)]])}`;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted">← Previous</span>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="muted">Next →</span>
      )}
    </nav>
  );
}
