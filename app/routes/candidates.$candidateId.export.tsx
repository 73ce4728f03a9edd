// Subject access, readable: everything held about one candidate on one page,
// with the same as a JSON file to download. Viewing it is logged as an export.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PageHeader } from "~/components/ui";
import { auditActionLabels } from "~/domain/audit";
import { checkStatusLabels, checkTypeLabels } from "~/domain/compliance";
import { stageLabels } from "~/domain/pipeline";
import { recommendationLabels } from "~/domain/scorecard";
import { exportCandidateData, type SubjectAccessExport } from "~/models/subject-access.server";
import { authorizeUser } from "~/utils/authorize.server";
import { Moment } from "~/components/moment";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Data held on ${data?.person.name ?? "candidate"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.$candidateId.export", "loader");
  const data = exportCandidateData(Number(args.params.candidateId), user.id, new Date());
  if (!data) throw new Response("Candidate not found", { status: 404 });
  return data;
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Application = Data["applications"][number];

const when = (value: string | Date | null) => (value === null ? "—" : <Moment at={value} />);

const text = (value: unknown): ReactNode =>
  value === null || value === undefined || value === ""
    ? "—"
    : Array.isArray(value)
      ? value.join(", ") || "—"
      : String(value);

const personFields: [keyof SubjectAccessExport["person"], string][] = [
  ["name", "Name"],
  ["email", "Email"],
  ["phone", "Phone"],
  ["location", "Location"],
  ["timezone", "Time zone"],
  ["profileUrl", "Profile"],
  ["codeUrl", "Code"],
  ["portfolioUrl", "Portfolio"],
  ["engagementType", "Engagement"],
  ["payKind", "Pay type"],
  ["payAmount", "Expected pay"],
  ["payCurrency", "Currency"],
  ["availableFrom", "Available from"],
  ["skills", "Skills"],
  ["source", "Source"],
  ["notes", "Notes"],
  ["consentProcessAt", "Consent to process: given on"],
  ["consentProcessSource", "Consent to process: how"],
  ["consentProcessExpiresAt", "Consent to process: last day"],
  ["consentRetainAt", "Consent to keep on file: given on"],
  ["consentRetainSource", "Consent to keep on file: how"],
  ["consentRetainExpiresAt", "Consent to keep on file: last day"],
  ["erasureReason", "Erasure reason"],
];

function Person({ person }: { person: Data["person"] }) {
  return (
    <section className="card" aria-labelledby="person">
      <h2 id="person">The person</h2>
      <dl className="facts">
        {personFields.map(([key, label]) => (
          <div key={key} className="contents">
            <dt>{label}</dt>
            <dd>{text(person[key])}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>Added</dt>
          <dd>{when(person.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Interviews({ application }: { application: Application }) {
  if (!application.interviews.length) return null;
  return (
    <>
      <h4>Interviews and scorecards</h4>
      {application.interviews.map((i) => (
        <div key={i.id} className="stack">
          <p>
            {i.kind.replaceAll("_", " ")}, {when(i.startsAt)}
          </p>
          {i.scorecards.map((c) => (
            <div key={c.id} className="small">
              <p>
                <strong>{c.interviewer}</strong> ({c.status}): {recommendationLabels[c.recommendation]}.{" "}
                {text(c.keyTakeaways)}
              </p>
              <ul>
                {c.ratings.map((r) => (
                  <li key={r.areaKey}>
                    {r.areaKey}: {r.rating ?? "not assessed"}. {text(r.evidence)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

function ApplicationRecord({ application: a }: { application: Application }) {
  return (
    <section className="card" aria-labelledby={`application-${a.id}`}>
      <h3 id={`application-${a.id}`}>
        {a.roleTitle}: {stageLabels[a.stage]}
      </h3>
      <p className="small muted">
        Application #{a.id}, added {when(a.createdAt)}. Exit note: {text(a.exitNote)}
      </p>
      <h4>Stage history</h4>
      <ul className="small">
        {a.stageHistory.map((h) => (
          <li key={h.id}>
            {when(h.movedAt)}: {h.fromStage ? stageLabels[h.fromStage as keyof typeof stageLabels] : "added"} →{" "}
            {stageLabels[h.toStage as keyof typeof stageLabels]}
            {h.note ? `. ${h.note}` : ""}
          </li>
        ))}
      </ul>
      <Interviews application={a} />
      {a.takeHomes.map((t) => (
        <p key={t.id} className="small">
          Take-home “{t.title}”: {t.status}; submission {text(t.submissionUrl)}; {t.grades.length} grade(s)
          {t.grades.map((g) => (g.notes ? `; ${g.notes}` : "")).join("")}
        </p>
      ))}
      {a.decisions.map((d) => (
        <p key={d.id} className="small">
          Decision at {d.stage}: {d.outcome}, {when(d.decidedAt)}. {d.rationale}
        </p>
      ))}
      {a.offers.map((o) => (
        <p key={o.id} className="small">
          Offer: {o.amount} {o.currency} ({o.payKind}), starting {o.startDate}, {o.status}.
        </p>
      ))}
    </section>
  );
}

function Checks({ checks }: { checks: Data["complianceChecks"] }) {
  return (
    <section className="card" aria-labelledby="checks">
      <h2 id="checks">Compliance checks</h2>
      {checks.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {checks.map((c) => (
            <li key={c.id}>
              {checkTypeLabels[c.type]}: {checkStatusLabels[c.status]}; evidence {text(c.evidenceRef)}; findings{" "}
              {text(c.detail)}; {c.history.length} change(s)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function SubjectAccess() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={`Data held on ${data.person.name}`}
        subtitle={
          <>
            Everything the app holds about this candidate, as of {when(data.exportedAt)}. This view is recorded in the
            audit log.
          </>
        }
        actions={
          <>
            <a className="btn btn-primary" href={`/candidates/${data.person.id}/export.json`} download>
              Download JSON
            </a>
            <Link className="btn" to={`/candidates/${data.person.id}`}>
              Back to the candidate
            </Link>
          </>
        }
      />
      <Person person={data.person} />
      <h2>Applications</h2>
      {data.applications.length === 0 ? <p className="muted">None.</p> : null}
      {data.applications.map((a) => (
        <ApplicationRecord key={a.id} application={a} />
      ))}
      <Checks checks={data.complianceChecks} />
      <section className="card" aria-labelledby="holds">
        <h2 id="holds">Legal holds</h2>
        {data.legalHolds.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul>
            {data.legalHolds.map((h) => (
              <li key={h.id}>
                Until {h.until}: {h.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="audit">
        <h2 id="audit">Audit entries about them</h2>
        <ul className="small">
          {data.auditEntries.map((e) => (
            <li key={e.id}>
              {when(e.at)}: {auditActionLabels[e.action]}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
