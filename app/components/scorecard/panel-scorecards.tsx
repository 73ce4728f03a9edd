import { ratingText, recommendationLabels } from "~/domain/scorecard";
import { interviewKindLabels } from "~/schemas/interview";
import type { AreaName, ScorecardPageData } from "./types";

/** The other panellists' submitted scorecards, or why they are hidden (blind feedback: yours first). */
export function PanelScorecards(props: {
  data: Pick<ScorecardPageData, "panel" | "hiddenCount" | "otherSeatsOwed" | "subject">;
  areaName: AreaName;
}) {
  const { data: d, areaName } = props;
  return (
    <section className="card" aria-labelledby="panel-cards">
      <h2 id="panel-cards">The panel&rsquo;s scorecards</h2>
      {d.panel.length ? (
        d.panel.map((c) => (
          <div key={c.id} className="vet-answer">
            <h3>
              {c.interviewer} · {interviewKindLabels[c.kind]}: {recommendationLabels[c.recommendation]}
            </h3>
            <p className="small">{c.ratings.map((r) => `${areaName(r.areaKey)} ${ratingText(r.rating)}`).join("; ")}</p>
            {c.keyTakeaways ? <p className="small muted">{c.keyTakeaways}</p> : null}
          </div>
        ))
      ) : d.hiddenCount > 0 ? (
        <p className="muted">
          {d.hiddenCount} {d.hiddenCount === 1 ? "scorecard is" : "scorecards are"} hidden
          {d.otherSeatsOwed > 0
            ? `: you still owe ${d.otherSeatsOwed === 1 ? "a scorecard for another interview" : `scorecards for ${d.otherSeatsOwed} other interviews`} with ${d.subject}, and the panel's stay hidden until all of yours are in`
            : " until you submit yours"}
          , so your ratings stay your own.
        </p>
      ) : (
        <p className="muted">No one else has submitted yet.</p>
      )}
    </section>
  );
}
