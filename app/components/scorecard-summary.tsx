import { ratingText, recommendationLabels, recommendations, type Summary } from "~/domain/scorecard";

/** Who said what, per area, with gaps and disagreement visible and the weighted total's arithmetic shown. */
export function ScorecardSummary({ summary, hiddenCount = 0 }: { summary: Summary; hiddenCount?: number }) {
  const interviewers = summary.areas[0]?.ratings.map((r) => ({ id: r.scorecardId, name: r.interviewerName })) ?? [];
  return (
    <div className="summary">
      <SummaryHead summary={summary} hiddenCount={hiddenCount} />
      {summary.knockouts.length ? (
        <p className="alert alert-bad" role="note">
          Must-pass {summary.knockouts.length === 1 ? "area" : "areas"} below the bar: {summary.knockouts.join(", ")}.
          This flags the candidate for discussion; it does not reject.
        </p>
      ) : null}
      {summary.versions.length > 1 ? (
        <p className="alert alert-warn">
          These scorecards were filled against different template versions (
          {summary.versions.map((v) => `v${v}`).join(", ")}); areas may differ.
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {interviewers.map((i) => (
                <th key={i.id} scope="col">
                  {i.name}
                </th>
              ))}
              <th scope="col">Average</th>
              <th scope="col">Spread</th>
            </tr>
          </thead>
          <tbody>
            {summary.areas.map((a) => (
              <tr key={a.key} className={a.knockoutFlag ? "row-bad" : a.disagreement ? "row-flag" : undefined}>
                <th scope="row">
                  {a.name} <span className="muted small">×{a.weight}</span>
                  {a.knockout ? <span className="muted small"> · must pass</span> : null}
                </th>
                {a.ratings.map((r) => (
                  <td key={r.scorecardId} className={r.rating === null ? "gap" : `r${r.rating}`}>
                    {ratingText(r.rating)}
                  </td>
                ))}
                <td>
                  <strong>{a.average ?? "—"}</strong>
                </td>
                <td>
                  {a.spread === null ? (
                    "—"
                  ) : a.disagreement ? (
                    <strong className="flag">{a.spread} (disagree)</strong>
                  ) : (
                    a.spread
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TotalArithmetic summary={summary} />
    </div>
  );
}

function SummaryHead({ summary, hiddenCount }: { summary: Summary; hiddenCount: number }) {
  return (
    <div className="summary-head">
      <div>
        <div className="stat">
          {summary.weightedTotal ?? "—"}
          <span className="muted small"> / 4</span>
        </div>
        <div className="stat-label">
          {hiddenCount > 0 ? (
            // Blind feedback: a partial total must not pass for the panel's.
            <strong>
              weighted total of the {summary.scorecards} {summary.scorecards === 1 ? "scorecard" : "scorecards"} you can
              see only, not the panel&rsquo;s
            </strong>
          ) : (
            <>
              weighted total from {summary.scorecards} submitted {summary.scorecards === 1 ? "scorecard" : "scorecards"}
            </>
          )}
        </div>
      </div>
      <div className="tally" aria-label="Recommendations">
        {recommendations
          .filter((r) => summary.tally[r] > 0)
          .map((r) => (
            <span key={r} className={`badge rec-${r}`}>
              {summary.tally[r]} × {recommendationLabels[r]}
            </span>
          ))}
      </div>
    </div>
  );
}

/** How the weighted total is computed, with this candidate's figures. */
function TotalArithmetic({ summary }: { summary: Summary }) {
  return (
    <details className="arithmetic">
      <summary>How the weighted total is computed</summary>
      <p className="small">
        Each area&rsquo;s average (1 strong no, 2 no, 3 yes, 4 strong yes; &ldquo;not assessed&rdquo; is left out, never
        counted as low) times its weight, summed, divided by the sum of the weights that counted:
      </p>
      <p className="mono small">
        ({summary.arithmetic.counted.map((c) => `${c.weight}×${c.average}`).join(" + ") || "nothing"}) /{" "}
        {summary.arithmetic.weightSum || "0"} = {summary.arithmetic.productSum} / {summary.arithmetic.weightSum} ={" "}
        {summary.weightedTotal ?? "—"}
      </p>
      {summary.arithmetic.leftOut.length ? (
        <p className="small">
          Left out: {summary.arithmetic.leftOut.map((l) => `${l.name} (${l.reason})`).join(", ")}.
        </p>
      ) : null}
    </details>
  );
}
