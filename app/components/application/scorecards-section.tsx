import { Link } from "@remix-run/react";
import { ScorecardSummary } from "~/components/scorecard-summary";
import type { ApplicationData } from "./types";

/** The panel's scorecards in summary, with the way into the debrief; hidden ones are counted, never shown. */
export function ScorecardsSection({
  applicationId,
  feedback,
}: {
  applicationId: number;
  feedback: ApplicationData["feedback"];
}) {
  return (
    <section className="card" aria-labelledby="scorecards-heading">
      <h2 id="scorecards-heading">Scorecards</h2>
      {/* The words behind the numbers; the debrief itself applies the blind rule. */}
      <p className="debrief-link">
        <Link to={`/applications/${applicationId}/debrief`} className="btn btn-primary">
          Read the debrief
        </Link>{" "}
        <span className="muted small">
          each rating with its evidence, the takeaways, amendments and graders&rsquo; notes
        </span>
      </p>
      {feedback.summary ? <ScorecardSummary summary={feedback.summary} hiddenCount={feedback.hiddenCount} /> : null}
      {feedback.hiddenCount > 0 ? (
        <p className="muted">
          {feedback.hiddenCount} submitted {feedback.hiddenCount === 1 ? "scorecard is" : "scorecards are"} hidden until
          you submit your own (blind feedback).
        </p>
      ) : !feedback.summary ? (
        <p className="muted">No submitted scorecards yet.</p>
      ) : null}
    </section>
  );
}
