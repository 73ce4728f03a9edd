import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { EvidenceItem } from "~/components/evidence";
import { disagreementText, type AmendmentView } from "~/domain/debrief";
import { EXPECTED_OUTCOMES } from "~/domain/take-home";
import {
  mustPassNote,
  ratingText,
  recommendationLabels,
  recommendations,
  thinEvidenceNote,
  type Summary,
} from "~/domain/scorecard";
import { getApplication } from "~/models/application.server";
import { getDebrief } from "~/models/debrief.server";
import { isRoleBlind } from "~/models/role.server";
import { listPanelSeats } from "~/models/interview.server";
import { authorizeUser } from "~/utils/authorize.server";
import { Moment } from "~/components/moment";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Debrief: ${data?.subject ?? "application"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/applications.$applicationId.debrief", "loader");
  const found = getApplication(Number(args.params.applicationId));
  if (!found) throw new Response("Application not found", { status: 404 });
  const { application, role, candidate, agency } = found;
  const debrief = getDebrief({
    applicationId: application.id,
    roleId: role.id,
    blind: isRoleBlind(role.id),
    viewer: user,
    teamRole,
  });
  // Where to write what is owed: the viewer's own seats, nobody else's.
  const owed = debrief.open
    ? []
    : listPanelSeats(application.id, user.id)
        .filter((s) => s.status !== "submitted")
        .map((s) => s.interviewId);
  return {
    applicationId: application.id,
    role: { id: role.id, title: role.title },
    subject: candidate?.name ?? agency?.name ?? "",
    debrief,
    owed,
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Open = Extract<Data["debrief"], { open: true }>;

const when = (iso: string | null) => (iso ? <Moment at={iso} /> : null);

export default function Debrief() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="debrief">
      <PageHeader
        title={`Debrief: ${d.subject}`}
        subtitle={
          <>
            <Link to={`/applications/${d.applicationId}`}>Application</Link> for{" "}
            <Link to={`/roles/${d.role.id}`}>{d.role.title}</Link> · every rating with the evidence behind it
          </>
        }
        actions={
          d.debrief.open ? (
            <button type="button" className="btn" onClick={() => window.print()}>
              Print
            </button>
          ) : null
        }
      />
      {d.debrief.open ? <OpenDebrief debrief={d.debrief} /> : <Closed seatsOwed={d.debrief.seatsOwed} owed={d.owed} />}
    </div>
  );
}

function Closed({ seatsOwed, owed }: { seatsOwed: number; owed: number[] }) {
  return (
    <section className="card" aria-labelledby="closed-heading">
      <h2 id="closed-heading">{seatsOwed > 0 ? "Submit your scorecard first" : "Blind feedback"}</h2>
      {seatsOwed > 0 ? (
        <>
          <p>
            Feedback on this role is blind: the panel&rsquo;s ratings, evidence and takeaways open here once every
            scorecard you owe for this candidate is submitted, so yours is your own view.
          </p>
          <ul className="plain">
            {owed.map((id) => (
              <li key={id}>
                <Link to={`/interviews/${id}/scorecard`} className="btn btn-primary">
                  Write your scorecard
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          Feedback on this role is blind: the debrief is for the role&rsquo;s hiring managers, HR and the interviewers
          who have submitted their scorecards for this candidate.
        </p>
      )}
    </section>
  );
}

function OpenDebrief({ debrief }: { debrief: Open }) {
  return (
    <>
      <AtAGlance summary={debrief.summary} flags={debrief.flags} />
      {debrief.summary.scorecards > 0 ? (
        <>
          <section aria-labelledby="areas-heading">
            <h2 id="areas-heading">Evidence by area</h2>
            {debrief.areas.map((a) => (
              <AreaBlock key={a.key} area={a} />
            ))}
          </section>
          <section className="card" aria-labelledby="takeaways-heading">
            <h2 id="takeaways-heading">Takeaways and recommendations</h2>
            {debrief.scorecards.map((c) => (
              <ScorecardWords
                key={c.scorecardId}
                card={c}
                areaName={(key) => debrief.areas.find((a) => a.key === key)?.name ?? key}
              />
            ))}
          </section>
        </>
      ) : null}
      <TakeHomes takeHomes={debrief.takeHomes} />
    </>
  );
}

function AtAGlance({ summary, flags }: { summary: Summary; flags: Open["flags"] }) {
  const thin = thinEvidenceNote(summary.scorecards);
  return (
    <section className="card" aria-labelledby="glance-heading">
      <h2 id="glance-heading">At a glance</h2>
      {summary.scorecards === 0 ? (
        <p className="muted">No submitted scorecards yet.</p>
      ) : (
        <>
          <div className="summary-head">
            <div>
              <div className="stat">
                {summary.weightedTotal ?? "—"}
                <span className="muted small"> / 4</span>
              </div>
              <div className="stat-label">
                weighted total from {summary.scorecards} submitted{" "}
                {summary.scorecards === 1 ? "scorecard" : "scorecards"}
                {thin ? ` (${thin})` : ""}
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
          {summary.knockouts.length ? (
            <p className="alert alert-bad">
              Must-pass {summary.knockouts.length === 1 ? "area" : "areas"} below the bar:{" "}
              {summary.knockouts.join(", ")}. A flag for discussion, not a rejection.
            </p>
          ) : (
            <p className="small">Must-pass flags: {mustPassNote(summary)}</p>
          )}
          <h3>Talk about first</h3>
          {flags.disagreements.length === 0 && flags.gaps.length === 0 ? (
            <p className="muted small">No disagreement of two points or more, and every area was assessed.</p>
          ) : (
            <ul className="debrief-flags">
              {flags.disagreements.map((x) => (
                <li key={x.key}>
                  <strong className="flag-inline">Disagreement</strong> (spread {x.spread}) on {disagreementText(x)}
                </li>
              ))}
              {flags.gaps.map((g) => (
                <li key={g.key}>
                  <strong className="flag-inline">Gap</strong> {g.name}
                  {g.knockout ? " (must pass)" : ""}: nobody assessed it
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function AreaBlock({ area }: { area: Open["areas"][number] }) {
  return (
    <article
      className={`card debrief-area${area.knockoutFlag ? " is-bad" : area.disagreement ? " is-flag" : ""}`}
      aria-labelledby={`area-${area.key}`}
    >
      <header className="row-between no-border">
        <h3 id={`area-${area.key}`}>
          {area.name}{" "}
          <span className="muted small">
            ×{area.weight}
            {area.knockout ? " · must pass" : ""}
          </span>
        </h3>
        <span className="small">
          {area.average === null ? (
            <span className="muted">nobody assessed it</span>
          ) : (
            <>
              average <strong>{area.average}</strong>
            </>
          )}
          {area.spread !== null ? (
            <>
              {" "}
              · spread{" "}
              {area.disagreement ? <strong className="flag-inline">{area.spread} (disagree)</strong> : area.spread}
            </>
          ) : null}
        </span>
      </header>
      {area.entries.length === 0 ? (
        <p className="muted small">Not on any submitted scorecard.</p>
      ) : (
        <ul className="plain evidence-list">
          {area.entries.map((e) => (
            <EvidenceItem key={e.scorecardId} entry={e} />
          ))}
        </ul>
      )}
    </article>
  );
}

function ScorecardWords({ card, areaName }: { card: Open["scorecards"][number]; areaName: (key: string) => string }) {
  return (
    <article className="vet-answer" aria-labelledby={`card-${card.scorecardId}`}>
      <h3 id={`card-${card.scorecardId}`}>
        {card.interviewer}{" "}
        <span className="muted small">
          · {card.interview}
          {card.submittedAt ? <> · submitted {when(card.submittedAt)}</> : null}
        </span>{" "}
        <span className={`badge rec-${card.recommendation}`}>{recommendationLabels[card.recommendation]}</span>
      </h3>
      {card.keyTakeaways ? (
        <p className="prewrap">{card.keyTakeaways}</p>
      ) : (
        <p className="muted small">No takeaways written.</p>
      )}
      {card.amendments.map((a, i) => (
        <Amendment key={i} amendment={a} areaName={areaName} />
      ))}
    </article>
  );
}

function Amendment({ amendment: a, areaName }: { amendment: AmendmentView; areaName: (key: string) => string }) {
  return (
    <div className="amendment small">
      <p>
        <strong>Amended</strong> {when(a.amendedAt)}
        {a.by ? ` by ${a.by}` : ""}: <span className="prewrap">{a.reason}</span>
      </p>
      {a.changes.length || a.takeawaysBefore || a.recommendationBefore ? (
        <ul>
          {a.changes.map((c) => (
            <li key={c.areaKey}>
              {areaName(c.areaKey)}: originally {ratingText(c.before)}, then {ratingText(c.after)}
              {c.evidenceBefore ? (
                <>
                  {" "}
                  · original evidence: <span className="prewrap">{c.evidenceBefore}</span>
                </>
              ) : null}
            </li>
          ))}
          {a.recommendationBefore ? (
            <li>Recommendation originally {recommendationLabels[a.recommendationBefore]}</li>
          ) : null}
          {a.takeawaysBefore ? (
            <li>
              Original takeaways: <span className="prewrap">{a.takeawaysBefore}</span>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="muted">No rating changed.</p>
      )}
    </div>
  );
}

function TakeHomes({ takeHomes }: { takeHomes: Open["takeHomes"] }) {
  if (takeHomes.length === 0) return null;
  const yesNo = (v: boolean | null) => (v === null ? "—" : v ? "yes" : "no");
  return (
    <section className="card" aria-labelledby="take-home-heading">
      <h2 id="take-home-heading">Take-home graders</h2>
      {takeHomes.map((t) => (
        <article key={t.id} className="vet-answer" aria-label={t.title}>
          <h3>
            {t.title}{" "}
            <span className="muted small">
              · {t.grades.length} of {t.graderCount} grades in
            </span>
          </h3>
          {!t.readable ? (
            <p className="muted small">
              You grade this take-home: the other graders&rsquo; notes open once your grade is submitted.
            </p>
          ) : t.grades.length === 0 ? (
            <p className="muted small">No grades submitted yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="grades">
                <thead>
                  <tr>
                    <th scope="col">Deliverable</th>
                    {t.grades.map((g, j) => (
                      <th key={j} scope="col">
                        {g.grader}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.grades[0].deliverables.map((d, i) => (
                    <tr key={d.key}>
                      <th scope="row">{d.label}</th>
                      {t.grades.map((g, j) => (
                        <td key={j}>
                          {g.deliverables[i].score ?? "—"}
                          {g.deliverables[i].score ? " / 4" : ""}
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Outcomes reached (of {EXPECTED_OUTCOMES})</th>
                    {t.grades.map((g, j) => (
                      <td key={j}>{g.outcomesReached ?? "—"}</td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">Cost ceiling respected</th>
                    {t.grades.map((g, j) => (
                      <td key={j} className={g.costCeilingRespected === false ? "flag-cell" : undefined}>
                        {yesNo(g.costCeilingRespected)}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">Security constraint respected</th>
                    {t.grades.map((g, j) => (
                      <td key={j} className={g.securityRespected === false ? "flag-cell" : undefined}>
                        {yesNo(g.securityRespected)}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">Notes</th>
                    {t.grades.map((g, j) => (
                      <td key={j} className="prewrap">
                        {g.notes ?? "—"}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
