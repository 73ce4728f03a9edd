import type { useComparePicks } from "~/components/compare-picks";

/**
 * The tick count and the compare button. Stays in view at the window's foot while the table scrolls, so ticks made
 * earlier are never out of sight.
 */
export function CompareBar({
  picks,
  offPage,
  limits,
}: {
  picks: ReturnType<typeof useComparePicks>;
  offPage: { id: number }[];
  limits: { min: number; max: number };
}) {
  const n = picks.picked.length;
  return (
    <div className="actions compare-bar">
      <button type="submit" className="btn btn-primary" disabled={n > 0 && n < limits.min}>
        Compare selected
      </button>
      {/* On the page from the start, so the first tick is announced too. */}
      <span className="small" role="status">
        {n ? (
          <>
            {n} picked: {picks.picked.map((p) => p.name).join(", ")}
            {offPage.length ? ` (${offPage.length} not on this page)` : ""}
            {n < limits.min
              ? `. Tick at least ${limits.min - n} more.`
              : n >= limits.max
                ? ". That is the most a comparison takes."
                : ""}
          </>
        ) : null}
      </span>
      {n ? (
        <button type="button" className="btn" onClick={picks.clear}>
          Clear ticks
        </button>
      ) : null}
    </div>
  );
}
