import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DecisionCell } from "~/components/decision-record";
import { Link, useLoaderData } from "@remix-run/react";
import { AreaBars } from "~/components/charts";
import { StageBadge } from "~/components/checks";
import { formatCount, formatDate, formatMoney, PageHeader } from "~/components/ui";
import { missingCheckText } from "~/domain/compliance";
import { coversText, WORK_HOURS_PER_YEAR } from "~/domain/cost";
import { applicationEngagementLabels, type ApplicationEngagement } from "~/domain/reference";
import {
  hiddenScoresLabels,
  mustPassNote,
  ratingsByInterviewer,
  recommendationLabels,
  recommendations,
  thinEvidenceNote,
} from "~/domain/scorecard";
import { compareCell, MAX_COMPARE, MIN_COMPARE, weightedAsNote } from "~/domain/compare";
import { takeHomeFacts, takeHomeFactText, takeHomeProgress } from "~/domain/take-home";
import { getComparison, parseCompareIds } from "~/models/compare.server";
import { EvidenceItem } from "~/components/evidence";
import type { EvidenceEntry } from "~/domain/debrief";
import { authorizeUser } from "~/utils/authorize.server";

export const meta: MetaFunction = () => [{ title: "Compare candidates · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId.compare", "loader");
  const url = new URL(args.request.url);
  const ids = parseCompareIds(url);
  const result = getComparison({ roleId: Number(args.params.roleId), ids, viewer: user, teamRole });
  if (!result) throw new Response("Role not found", { status: 404 });
  const problem =
    result.candidates.length < MIN_COMPARE
      ? `Pick at least ${MIN_COMPARE} applications of this role to compare.`
      : result.tooMany
        ? `Compare at most ${MAX_COMPARE} at a time: the first ${MAX_COMPARE} you picked are shown.`
        : null;
  // The rollup view (filters, order, page) the comparison was opened from, for the way back: only those parameters.
  const from = new URLSearchParams(url.searchParams.get("back") ?? "");
  const back = new URLSearchParams(
    [...from].filter(([k]) => ["stage", "engagement", "sort", "dir", "page"].includes(k)),
  ).toString();
  return { ...result, problem, query: url.search, back: back ? `?${back}` : "" };
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  const c = d.candidates;
  return (
    <div className="print-wide">
      <PageHeader
        title={`Compare: ${d.role.title}`}
        subtitle={`Ratings per area, the arithmetic${d.seesCompliance ? ", paperwork" : ""}${d.seesCost ? " and cost" : ""}, side by side. Disagreement and gaps are highlighted.`}
        actions={
          <>
            <Link to={`/roles/${d.role.id}/rollup${d.back}`} className="btn">
              Back to rollup
            </Link>
            {!d.problem ? (
              <a href={`/roles/${d.role.id}/compare.csv${d.query}`} className="btn" download>
                Download CSV
              </a>
            ) : null}
            {!d.problem ? (
              <a
                href={`/roles/${d.role.id}/compare.csv${d.query}${d.query ? "&" : "?"}evidence=1`}
                className="btn"
                download
              >
                CSV with evidence
              </a>
            ) : null}
            <button type="button" className="btn" onClick={() => window.print()}>
              Print
            </button>
          </>
        }
      />
      {d.problem ? (
        <div className="alert alert-warn" role="alert">
          {d.problem} <Link to={`/roles/${d.role.id}/rollup${d.back}`}>Choose on the rollup</Link>.
        </div>
      ) : null}
      {c.length >= 1 ? (
        <>
          <section className="card" aria-labelledby="chart">
            <h2 id="chart">Per area</h2>
            <AreaBars
              areas={d.areas}
              series={c.map((x) => ({
                name: x.name,
                values: Object.fromEntries(x.summary.areas.map((a) => [a.key, a.average])),
              }))}
              label="Average rating per area for each candidate compared"
            />
          </section>
          <div className="table-wrap">
            <table className="compare">
              <caption className="muted small">
                Candidates side by side, one column each. Ratings run from 1 (strong no) to 4 (strong yes); each area
                shows its average, the range, and each interviewer&rsquo;s rating.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  {c.map((x) => (
                    <th key={x.id} scope="col">
                      <Link to={`/applications/${x.id}`}>{x.name}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.areas.map((a) => (
                  <tr key={a.key}>
                    <th scope="row">
                      {a.name}{" "}
                      <span className="muted small">
                        ×{a.weight}
                        {a.knockout ? " · must pass" : ""}
                        {a.earlier ? " · earlier template" : ""}
                      </span>
                    </th>
                    {c.map((x) => {
                      const cell = compareCell(x, a);
                      if (cell.kind === "note")
                        return (
                          <td key={x.id} className="muted small">
                            {cell.text}
                          </td>
                        );
                      const s = cell.area;
                      const weighed =
                        cell.weightedAs !== null ? (
                          <div className="small muted">{weightedAsNote(cell.weightedAs)}</div>
                        ) : null;
                      if (s.average === null)
                        return (
                          <td key={x.id} className="gap">
                            not assessed{weighed}
                          </td>
                        );
                      return (
                        <td
                          key={x.id}
                          className={s.knockoutFlag ? "row-bad" : s.disagreement ? "flag-cell" : undefined}
                        >
                          <strong>{s.average}</strong>{" "}
                          <span className="muted small">
                            ({s.min}-{s.max}
                            {s.disagreement ? ", disagree" : ""})
                          </span>
                          <div className="small">{ratingsByInterviewer(s.ratings).join(" · ")}</div>
                          {s.notAssessed ? <div className="small muted">{s.notAssessed} not assessed</div> : null}
                          {weighed}
                          <EvidenceDisclosure
                            entries={x.words?.evidence[a.key] ?? []}
                            context={`${a.name}, ${x.name}`}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr className="total-row">
                  <th scope="row">Weighted total</th>
                  {c.map((x) =>
                    x.scoresHidden ? (
                      <td key={x.id} className="muted small">
                        {hiddenScoresLabels[x.scoresHidden]}
                      </td>
                    ) : (
                      <td key={x.id}>
                        <strong>{x.summary.weightedTotal ?? "—"}</strong>
                        {x.summary.weightedTotal !== null && thinEvidenceNote(x.summary.scorecards) ? (
                          <span className="flag small"> {thinEvidenceNote(x.summary.scorecards)}</span>
                        ) : null}
                        {x.summary.weightedTotal !== null ? (
                          <div className="mono small">
                            ({x.summary.arithmetic.counted.map((k) => `${k.weight}×${k.average}`).join(" + ")}) /{" "}
                            {x.summary.arithmetic.weightSum}
                          </div>
                        ) : null}
                        {x.summary.arithmetic.leftOut.length ? (
                          <div className="small muted">
                            Left out: {x.summary.arithmetic.leftOut.map((l) => l.name).join(", ")}
                          </div>
                        ) : null}
                      </td>
                    ),
                  )}
                </tr>
                <tr>
                  <th scope="row">Decision</th>
                  {c.map((x) => (
                    <td key={x.id} className="small">
                      <DecisionCell decision={x.decision} />
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Must-pass flags</th>
                  {c.map((x) => (
                    <td key={x.id}>
                      {x.scoresHidden ? (
                        <span className="muted small">{hiddenScoresLabels[x.scoresHidden]}</span>
                      ) : x.summary.knockouts.length ? (
                        <span className="flag">{x.summary.knockouts.join(", ")}</span>
                      ) : (
                        mustPassNote(x.summary)
                      )}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Recommendations</th>
                  {c.map((x) => (
                    <td key={x.id} className={x.scoresHidden ? "muted small" : "small"}>
                      {x.scoresHidden
                        ? hiddenScoresLabels[x.scoresHidden]
                        : recommendations
                            .filter((r) => x.summary.tally[r])
                            .map((r) => `${x.summary.tally[r]} ${recommendationLabels[r].toLowerCase()}`)
                            .join(", ") || "—"}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Takeaways</th>
                  {c.map((x) => (
                    <td key={x.id} className="small">
                      {x.words ? (
                        <TakeawaysDisclosure cards={x.words.cards} name={x.name} />
                      ) : (
                        <span className="muted">{x.scoresHidden ? hiddenScoresLabels[x.scoresHidden] : "—"}</span>
                      )}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Take-home</th>
                  {c.map((x) => (
                    <td key={x.id} className="small">
                      {x.takeHome ? (
                        <>
                          {x.takeHome.result.overall !== null ? <strong>{x.takeHome.result.overall} / 4</strong> : null}
                          <div className={x.takeHome.result.overall !== null ? "muted" : undefined}>
                            {takeHomeProgress(x.takeHome.status, x.takeHome.result.graders, x.takeHome.graders)}
                          </div>
                          {x.takeHome.result.graders > 0 ? (
                            <ul className="plain">
                              {takeHomeFacts(x.takeHome.result).map((f) => (
                                <li key={f.key} className={f.broken ? "flag" : undefined}>
                                  {f.label}: {takeHomeFactText(f)}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          <GraderNotesDisclosure notes={x.words?.graderNotes ?? []} name={x.name} />
                        </>
                      ) : x.scoresHidden ? (
                        <span className="muted">{hiddenScoresLabels[x.scoresHidden]}</span>
                      ) : (
                        "—"
                      )}
                    </td>
                  ))}
                </tr>
                {d.seesCompliance ? (
                  <tr>
                    <th scope="row">Compliance</th>
                    {c.map((x) => (
                      <td key={x.id} className="small">
                        {x.missingChecks === null ? (
                          "—"
                        ) : x.missingChecks.length ? (
                          <span className="flag">Not cleared: {x.missingChecks.map(missingCheckText).join(", ")}</span>
                        ) : (
                          "Complete"
                        )}
                      </td>
                    ))}
                  </tr>
                ) : null}
                <tr>
                  <th scope="row">Stage</th>
                  {c.map((x) => (
                    <td key={x.id}>
                      <StageBadge stage={x.stage} />
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Engagement model</th>
                  {c.map((x) => (
                    <td key={x.id}>
                      {applicationEngagementLabels[x.engagement as ApplicationEngagement] ?? x.engagement}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Available from</th>
                  {c.map((x) => (
                    <td key={x.id}>{formatDate(x.availableFrom)}</td>
                  ))}
                </tr>
                {d.seesCost ? (
                  <tr>
                    <th scope="row">Estimated first-year cost</th>
                    {c.map((x) => (
                      <td key={x.id} className="small">
                        {x.cost?.total != null ? (
                          <strong>{formatMoney(x.cost.total, d.role.currency)}</strong>
                        ) : (
                          <span className="muted">{x.cost?.missing}</span>
                        )}
                        {x.cost?.covers && d.assumptions ? (
                          <div className="muted">Covers {coversText(x.cost.covers, d.assumptions.expectedHours)}</div>
                        ) : null}
                        {x.cost?.covers === "hours" && x.cost.fullYear !== null && x.cost.fullYear !== x.cost.total ? (
                          <div>
                            A full year ({formatCount(WORK_HOURS_PER_YEAR)} h) at this rate:{" "}
                            <strong>{formatMoney(x.cost.fullYear, d.role.currency)}</strong>
                          </div>
                        ) : null}
                        {x.cost?.lines.map((l) => (
                          <div key={l.label}>
                            {l.label}: {formatMoney(l.amount, d.role.currency)}{" "}
                            <span className="muted">({l.basis})</span>
                          </div>
                        ))}
                      </td>
                    ))}
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          {d.costNote ? (
            <p className="alert alert-warn small">
              {d.costNote.text}{" "}
              {d.costNote.hoursDiffer ? (
                <>
                  <Link to={`/roles/${d.role.id}/costs`}>Set the contract hours</Link> to{" "}
                  {formatCount(WORK_HOURS_PER_YEAR)} to cost a contractor for a hire&rsquo;s year.
                </>
              ) : null}
            </p>
          ) : null}
          {d.assumptions ? (
            <p className="small muted">
              Cost assumptions (this role): overhead {d.assumptions.overheadPct}%, recruiting{" "}
              {formatMoney(d.assumptions.recruitingCost, d.role.currency)}, team time {d.assumptions.teamHours} h ×{" "}
              {formatMoney(d.assumptions.teamHourlyCost, d.role.currency)}, tooling{" "}
              {formatMoney(d.assumptions.toolingCost, d.role.currency)}, ramp-up {d.assumptions.rampMonths} months,
              wrong-role risk {d.assumptions.wrongRoleRiskPct}%, contract hours {d.assumptions.expectedHours}, overrun{" "}
              {d.assumptions.contractorOverrunPct}% contractors / {d.assumptions.freelancerOverrunPct}% freelancers.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** The evidence behind one cell's ratings: a native disclosure (keyboard and no-JS alike), open in print. */
function EvidenceDisclosure({ entries, context }: { entries: EvidenceEntry[]; context: string }) {
  const written = entries.filter((e) => e.evidence || e.weakSignals.length).length;
  if (entries.length === 0) return null;
  return (
    <details className="evidence">
      <summary>
        Evidence ({written} {written === 1 ? "note" : "notes"})<span className="visually-hidden"> for {context}</span>
      </summary>
      <ul className="plain evidence-list">
        {entries.map((e) => (
          <EvidenceItem key={e.scorecardId} entry={e} />
        ))}
      </ul>
    </details>
  );
}

type Words = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["candidates"][number]["words"]>;

function TakeawaysDisclosure({ cards, name }: { cards: Words["cards"]; name: string }) {
  if (cards.length === 0) return <span className="muted">—</span>;
  return (
    <details className="evidence">
      <summary>
        Takeaways ({cards.length})<span className="visually-hidden"> on {name}</span>
      </summary>
      <ul className="plain evidence-list">
        {cards.map((k, i) => (
          <li key={i}>
            <strong>{k.interviewer}</strong>{" "}
            <span className={`badge rec-${k.recommendation}`}>{recommendationLabels[k.recommendation]}</span>
            {k.keyTakeaways ? (
              <p className="prewrap evidence-text">{k.keyTakeaways}</p>
            ) : (
              <p className="muted">No takeaways written.</p>
            )}
            {k.amendments.map((r, j) => (
              <p key={j} className="muted">
                Amended: <span className="prewrap">{r}</span>
              </p>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

function GraderNotesDisclosure({ notes, name }: { notes: Words["graderNotes"]; name: string }) {
  if (notes.length === 0) return null;
  return (
    <details className="evidence">
      <summary>
        Graders&rsquo; notes ({notes.length})<span className="visually-hidden"> on {name}&rsquo;s take-home</span>
      </summary>
      <ul className="plain evidence-list">
        {notes.map((g, i) => (
          <li key={i}>
            <strong>{g.grader}</strong>
            <p className="prewrap evidence-text">{g.notes}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
