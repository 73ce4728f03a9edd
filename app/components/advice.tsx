// The engagement advice, shown the same way on the role page (from the server) and
// beside the role form (recomputed in the browser as the questions are answered).
import type { Advice } from "~/domain/engagement";
import { engagementModelLabels } from "~/domain/reference";
import { AdviceLine } from "./role-card";

/** The suggestion, why, what to keep in mind and what else is worth considering. */
export function AdviceDetails({ advice }: { advice: Extract<Advice, { status: "advised" }> }) {
  return (
    <>
      <p className="suggestion">
        <AdviceLine advice={advice} />
      </p>
      <h3>Why</h3>
      <ul className="reasons">
        {advice.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {advice.notes.length ? (
        <>
          <h3>Keep in mind</h3>
          <ul className="reasons">
            {advice.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      {advice.alsoConsider.length ? (
        <p className="small also-consider">
          Also worth considering:{" "}
          {advice.alsoConsider.map((m, i) => (
            <span key={m}>
              {i > 0 ? ", " : null}
              {engagementModelLabels[m]}
              {advice.outsideConsidered.includes(m) ? (
                <span className="muted"> (not among the models considered)</span>
              ) : null}
            </span>
          ))}
          .
        </p>
      ) : null}
    </>
  );
}
