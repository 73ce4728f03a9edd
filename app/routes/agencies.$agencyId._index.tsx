import { RatePositions } from "~/components/rate-position";
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { StageBadge } from "~/components/checks";
import { formatMoney, Notice, PageHeader } from "~/components/ui";
import { holds, scopesFor } from "~/domain/policy";
import { agencyKindLabels, assessmentLabels, vettingQuestions } from "~/domain/reference";
import { getAgency } from "~/models/agency.server";
import { listApplicationsOfAgency, listSubmissionsOfAgency } from "~/models/application.server";
import { getMask } from "~/models/masking.server";
import { listVisibleRoleIds } from "~/models/role.server";
import { authorizeUser } from "~/utils/authorize.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.agency.name ?? "Agency"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/agencies.$agencyId._index", "loader");
  const found = getAgency(Number(args.params.agencyId));
  if (!found) throw new Response("Agency not found", { status: 404 });
  // Bids and submissions name roles and people: only those on roles the viewer may see.
  const visible = scopesFor(user.kind, "read:role").includes("any") ? null : listVisibleRoleIds(user.id);
  const hidden = getMask(user.id).candidateIds;
  const onVisibleRole = (r: { roleId: number; candidateId?: number }) =>
    (visible === null || visible.includes(r.roleId)) && !(r.candidateId && hidden.has(r.candidateId));
  return {
    ...found,
    bids: listApplicationsOfAgency(found.agency.id).filter(onVisibleRole),
    submissions: listSubmissionsOfAgency(found.agency.id).filter(onVisibleRole),
    canEdit: holds(user.kind, "update:agency"),
  };
}

type AgencyData = SerializeFrom<typeof loader>;

/** "$80 to $120 per hour", with "?" for an end not recorded; "Not recorded" when neither is. */
function rateText(agency: AgencyData["agency"]) {
  return agency.rateMin !== null || agency.rateMax !== null
    ? `${agency.rateMin !== null ? formatMoney(agency.rateMin, agency.currency) : "?"} to ${agency.rateMax !== null ? formatMoney(agency.rateMax, agency.currency) : "?"} per hour`
    : "Not recorded";
}

/** The vetting questions with the agency's answers and our assessment, then handover and acceptance criteria. */
function VettingSection({ agency, vetting }: Pick<AgencyData, "agency" | "vetting">) {
  return (
    <section className="card" aria-labelledby="vetting">
      <h2 id="vetting">Vetting</h2>
      {vettingQuestions.map((q) => {
        const v = vetting.find((x) => x.question === q.key);
        return (
          <div key={q.key} className="vet-answer">
            <h3>{q.question}</h3>
            <p>
              {v?.assessment ? (
                <span className={`assess-${v.assessment}`}>{assessmentLabels[v.assessment]}</span>
              ) : (
                <span className="muted">Not asked yet</span>
              )}
              {v?.answer ? <> · {v.answer}</> : null}
            </p>
            {v?.notes ? <p className="small muted">{v.notes}</p> : null}
          </div>
        );
      })}
      <p>
        {agency.offersHandover ? "✔ Offers a handover package" : "✘ No handover package offered"}
        <br />
        {agency.writtenAcceptanceCriteria
          ? "✔ Agrees to written acceptance criteria"
          : "✘ No written acceptance criteria"}
      </p>
    </section>
  );
}

/** The agency's team bids and the people it submitted, on roles the viewer may see. */
function BidsAndSubmissions({ bids, submissions }: Pick<AgencyData, "bids" | "submissions">) {
  return (
    <section className="card" aria-labelledby="work">
      <h2 id="work">Bids and submissions</h2>
      {bids.length === 0 && submissions.length === 0 ? <p className="muted">Nothing yet.</p> : null}
      <ul className="plain">
        {bids.map((b) => (
          <li key={`b${b.id}`} className="row-between">
            <span>
              Bidding as a team for <Link to={`/applications/${b.id}`}>{b.roleTitle}</Link>
            </span>
            <StageBadge stage={b.stage} />
          </li>
        ))}
        {submissions.map((s) => (
          <li key={`s${s.id}`} className="row-between">
            <span>
              Submitted <Link to={`/candidates/${s.candidateId}`}>{s.candidate}</Link> for {s.role}
            </span>
            {s.counts ? (
              <span className="badge badge-open">Counts</span>
            ) : (
              <span className="badge badge-bad">Duplicate</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function AgencyPage() {
  const { agency, contacts, vetting, bids, submissions, canEdit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title={agency.name}
        subtitle={`${agencyKindLabels[agency.kind]}${agency.website ? ` · ${agency.website}` : ""}`}
        actions={
          canEdit ? (
            <Link to={`/agencies/${agency.id}/edit`} className="btn btn-primary">
              Edit
            </Link>
          ) : null
        }
      />
      {params.get("saved") ? (
        <Notice>{params.get("saved") === "created" ? "Agency added." : "Changes saved."}</Notice>
      ) : null}
      <div className="grid grid-2">
        <VettingSection agency={agency} vetting={vetting} />
        <div>
          <section className="card" aria-labelledby="rates">
            <h2 id="rates">Rate card</h2>
            <dl className="facts">
              <dt>Hourly</dt>
              <dd>
                {rateText(agency)}
                {agency.rateMax !== null || agency.rateMin !== null ? (
                  <RatePositions
                    min={agency.rateMin}
                    max={agency.rateMax ?? agency.rateMin ?? 0}
                    currency={agency.currency}
                    scales={["agency_contractor"]}
                  />
                ) : null}
              </dd>
              <dt>Markup</dt>
              <dd>{agency.markupPercent !== null ? `${agency.markupPercent}%` : "Not recorded"}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="contacts">
            <h2 id="contacts">Contacts</h2>
            {contacts.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <ul className="plain">
                {contacts.map((c) => (
                  <li key={c.id} className="row-between">
                    <span>
                      {c.name} {c.title ? <span className="muted small">· {c.title}</span> : null}
                    </span>
                    <span className="small">{[c.email, c.phone].filter(Boolean).join(" · ")}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <BidsAndSubmissions bids={bids} submissions={submissions} />
        </div>
      </div>
    </>
  );
}
