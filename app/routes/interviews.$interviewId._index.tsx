import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/ui";
import { getApplication } from "~/models/application.server";
import { getInterview } from "~/models/interview.server";
import { listScorecardStatuses } from "~/models/scorecard.server";
import { getCurrentTemplate, getTemplate } from "~/models/template.server";
import { governanceQuestions, interviewKindLabels } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { Moment } from "~/components/moment";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? interviewKindLabels[data.interview.kind] : "Interview"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/interviews.$interviewId._index", "loader");
  const found = getInterview(Number(args.params.interviewId));
  if (!found) throw new Response("Interview not found", { status: 404 });
  const { interview, application, role, panel } = found;
  const app = getApplication(application.id)!;
  const cards = listScorecardStatuses(interview.id);
  const mine = cards.find((c) => c.interviewerId === user.id);
  const template = mine ? getTemplate(mine.templateId)! : getCurrentTemplate(role.id);
  return {
    interview: {
      id: interview.id,
      kind: interview.kind,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      prompts: interview.prompts,
      customQuestions: interview.customQuestions,
      includeGovernance: interview.includeGovernance,
    },
    subject: { name: app.candidate?.name ?? app.agency?.name ?? "", applicationId: application.id },
    role,
    focus: template.areas
      .filter((a) => interview.focusAreas.includes(a.key))
      .map((a) => ({ key: a.key, name: a.name, strong: a.strong, weak: a.weak })),
    panel: panel.map((p) => ({ ...p, status: cards.find((c) => c.interviewerId === p.userId)?.status ?? null })),
    onPanel: panel.some((p) => p.userId === user.id),
  };
}

export default function InterviewPage() {
  const { interview, subject, role, focus, panel, onPanel } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title={`${interviewKindLabels[interview.kind]} with ${subject.name}`}
        subtitle={
          <>
            <Moment at={interview.startsAt} /> · <Link to={`/applications/${subject.applicationId}`}>{role.title}</Link>
          </>
        }
        actions={
          onPanel ? (
            <Link to={`/interviews/${interview.id}/scorecard`} className="btn btn-primary">
              Your scorecard
            </Link>
          ) : null
        }
      />
      {params.get("saved") === "scheduled" ? <Notice>Interview scheduled.</Notice> : null}
      <div className="grid grid-2">
        <div>
          <section className="card" aria-labelledby="kit">
            <h2 id="kit">Interview kit</h2>
            <ol className="history">
              {interview.prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
              {interview.customQuestions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ol>
            {interview.includeGovernance ? (
              <>
                <h3>Governance questions</h3>
                <ol className="history">
                  {governanceQuestions.map((q) => (
                    <li key={q}>{q}</li>
                  ))}
                </ol>
              </>
            ) : null}
          </section>
          <section className="card" aria-labelledby="focus">
            <h2 id="focus">What to assess</h2>
            {focus.map((a) => (
              <div key={a.key} className="vet-answer">
                <h3>{a.name}</h3>
                <p className="small">
                  <strong>Strong:</strong> {a.strong}
                </p>
                <p className="small">
                  <strong>Weak:</strong> {a.weak}
                </p>
              </div>
            ))}
          </section>
        </div>
        <section className="card" aria-labelledby="panel">
          <h2 id="panel">Panel</h2>
          <ul className="plain">
            {panel.map((p) => (
              <li key={p.userId} className="row-between">
                {p.name}{" "}
                <span
                  className={`badge ${p.status === "submitted" ? "badge-open" : p.status === "draft" ? "badge-on_hold" : "badge-closed"}`}
                >
                  {p.status === "submitted" ? "Submitted" : p.status === "draft" ? "Draft" : "Not started"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
