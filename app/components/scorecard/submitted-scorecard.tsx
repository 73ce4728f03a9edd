import { ratingText, recommendationLabels } from "~/domain/scorecard";
import type { AreaName, ScorecardPageData } from "./types";
import { Moment } from "~/components/moment";

type Recommendation = keyof typeof recommendationLabels;

/** What you wrote, as you wrote it: ratings with their evidence, the weak signals you ticked, your takeaways. */
export function SubmittedRatings(props: {
  areas: ScorecardPageData["areas"];
  defaults: NonNullable<ScorecardPageData["defaults"]>;
}) {
  const { areas, defaults } = props;
  return (
    <>
      <ul className="plain submitted-card">
        {areas.map((a) => {
          const r = defaults.ratings[a.key];
          const weak = (defaults.weakSignals ?? [])
            .filter((w) => w.startsWith(`${a.key}:`))
            .map((w) => w.slice(a.key.length + 1));
          return (
            <li key={a.key}>
              <div className="row-between">
                <span>{a.name}</span>
                <strong>{r?.rating ? ratingText(r.rating) : "Not assessed"}</strong>
              </div>
              {r?.evidence ? <p className="small">{r.evidence}</p> : null}
              {weak.length ? <p className="small flag">Weak signals: {weak.join("; ")}</p> : null}
            </li>
          );
        })}
      </ul>
      <p>
        Recommendation: <strong>{recommendationLabels[defaults.recommendation as Recommendation]}</strong>
      </p>
      {defaults.keyTakeaways ? (
        <>
          <h3>Your key takeaways</h3>
          <p className="small prewrap">{defaults.keyTakeaways}</p>
        </>
      ) : null}
    </>
  );
}

/** Each amendment with its reason and what the scorecard said before it. */
export function AmendmentHistory(props: { amendments: ScorecardPageData["amendments"]; areaName: AreaName }) {
  const { amendments, areaName } = props;
  return (
    <>
      <h3>History</h3>
      <ul className="history small">
        {amendments.map((a) => {
          const before = a.before as unknown as {
            recommendation: string;
            ratings: { areaKey: string; rating: number | null }[];
          };
          return (
            <li key={a.id}>
              <Moment at={a.amendedAt} />, amended: {a.reason}
              <div className="muted">
                Before: {before.ratings.map((r) => `${areaName(r.areaKey)} ${ratingText(r.rating)}`).join("; ")};
                recommendation {recommendationLabels[before.recommendation as Recommendation]}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
