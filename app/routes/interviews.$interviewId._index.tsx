import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CancelForm, RescheduleForm } from "~/components/interview-change/forms";
import { FormError } from "~/components/form";
import { Moment } from "~/components/moment";
import { Notice, PageHeader } from "~/components/ui";
import { readerZone, utcToZonedLocal, zoneAbbreviation } from "~/domain/dates";
import { isOpenStage } from "~/domain/pipeline";
import { holds } from "~/domain/policy";
import { getApplication } from "~/models/application.server";
import { cancelInterview, getInterview, rescheduleInterview } from "~/models/interview.server";
import { getRoleTeam } from "~/models/role.server";
import { listScorecardStatuses } from "~/models/scorecard.server";
import { listAnonymousGraderIds } from "~/models/take-home.server";
import { getCurrentTemplate, getTemplate } from "~/models/template.server";
import { governanceQuestions, interviewKindLabels } from "~/schemas/interview";
import { interviewChangeArrayFields, interviewChangeSchema } from "~/schemas/interview-change";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData, type FieldErrors } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? interviewKindLabels[data.interview.kind] : "Interview"} · AI Talent Scorecards` },
];

/** Who may move or cancel it: those who may schedule interviews on its application, while it is not cancelled. */
function changeForm(
  found: NonNullable<ReturnType<typeof getInterview>>,
  user: { kind: Parameters<typeof holds>[0]; timeZone: string | null },
  teamRole: Parameters<typeof holds>[2],
) {
  const { interview, role, panel } = found;
  if (interview.cancelledAt || !holds(user.kind, "create:interview", teamRole)) return null;
  const zone = readerZone(user.timeZone);
  return {
    zone,
    zoneLabel: zoneAbbreviation(interview.startsAt, zone),
    defaults: {
      version: interview.version,
      startsAtLocal: utcToZonedLocal(interview.startsAt, zone),
      durationMinutes: Math.round((interview.endsAt.getTime() - interview.startsAt.getTime()) / 60_000),
      panelIds: panel.map((p) => p.userId),
    },
    team: getRoleTeam(role.id)
      .filter((t) => t.active)
      .map((t) => ({ userId: t.userId, name: t.name, teamRole: t.teamRole })),
  };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/interviews.$interviewId._index", "loader");
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
      cancelledAt: interview.cancelledAt,
      cancelledBy: found.cancelledBy,
    },
    change: changeForm(found, user, teamRole),
    subject: { name: app.candidate?.name ?? app.agency?.name ?? "", applicationId: application.id },
    role,
    focus: template.areas
      .filter((a) => interview.focusAreas.includes(a.key))
      .map((a) => ({ key: a.key, name: a.name, strong: a.strong, weak: a.weak })),
    panel: panel.map((p) => ({ ...p, status: cards.find((c) => c.interviewerId === p.userId)?.status ?? null })),
    onPanel: panel.some((p) => p.userId === user.id),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/interviews.$interviewId._index", "action");
  const found = getInterview(Number(args.params.interviewId));
  if (!found) throw new Response("Interview not found", { status: 404 });
  const formData = await args.request.formData();
  const refuse = (fieldErrors: FieldErrors, formError: string | null = null, status = 400) =>
    invalid(formData, { fieldErrors, formError }, { status, arrayFields: interviewChangeArrayFields });
  const parsed = parseFormData(interviewChangeSchema(readerZone(user.timeZone)), formData, interviewChangeArrayFields);
  if (!parsed.ok) return refuse(parsed.fieldErrors, parsed.formError);
  const v = parsed.data;
  const id = found.interview.id;
  if (v.intent === "cancel") {
    const result = cancelInterview({ interviewId: id, version: v.version, reason: v.reason, actorId: user.id });
    if (!result.ok) return refuse({}, refusalText(result.reason), 409);
    return redirect(`/interviews/${id}?saved=cancelled`);
  }
  if (!isOpenStage(getApplication(found.application.id)!.application.stage))
    return refuse({}, "This application is closed; reopen it before moving its interviews.");
  const team = getRoleTeam(found.role.id).filter((t) => t.active);
  const current = found.panel.map((p) => p.userId);
  // Someone already on the panel may stay even if they have left the hiring team since; new seats come from it.
  if (!v.panelIds.every((pid) => current.includes(pid) || team.some((t) => t.userId === pid)))
    return refuse({ panelIds: ["Interviewers must be on this role's hiring team"] });
  const graders = listAnonymousGraderIds(found.application.id);
  const conflicted = team.filter((t) => v.panelIds.includes(t.userId) && graders.includes(t.userId));
  if (conflicted.length)
    return refuse({
      panelIds: [
        `${conflicted.map((t) => t.name).join(", ")} is grading this candidate's take-home anonymously and must not meet them until grading is done`,
      ],
    });
  const result = rescheduleInterview({ interviewId: id, ...v, actorId: user.id });
  if (!result.ok && result.reason === "started")
    return refuse({
      panelIds: [`${result.names.join(", ")} has started a scorecard for this interview and must stay on the panel`],
    });
  if (!result.ok) return refuse({}, refusalText(result.reason), 409);
  return redirect(`/interviews/${id}?saved=rescheduled`);
}

function refusalText(reason: string): string {
  if (reason === "cancelled") return "This interview is cancelled; nothing was changed.";
  return "Someone else changed this interview after you opened it; nothing was saved. Reload to see it.";
}

const notices: Record<string, string> = {
  scheduled: "Interview scheduled.",
  rescheduled: "Interview rescheduled. The panel is being notified.",
  cancelled: "Interview cancelled. The panel is being notified.",
};

export default function InterviewPage() {
  const { interview, subject, role, focus, panel, onPanel, change } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const cancelled = interview.cancelledAt !== null;
  return (
    <>
      <PageHeader
        title={`${interviewKindLabels[interview.kind]} with ${subject.name}`}
        badge={cancelled ? <span className="badge badge-closed">Cancelled</span> : null}
        subtitle={
          <>
            <Moment at={interview.startsAt} /> · <Link to={`/applications/${subject.applicationId}`}>{role.title}</Link>
          </>
        }
        actions={
          onPanel && !cancelled ? (
            <Link to={`/interviews/${interview.id}/scorecard`} className="btn btn-primary">
              Your scorecard
            </Link>
          ) : null
        }
      />
      {saved && notices[saved] ? <Notice>{notices[saved]}</Notice> : null}
      {answer && !answer.values?.intent ? <FormError error={answer.formError} /> : null}
      {cancelled ? (
        <p className="alert alert-bad">
          Cancelled <Moment at={interview.cancelledAt!} />
          {interview.cancelledBy ? ` by ${interview.cancelledBy}` : ""}. No scorecards are needed.
        </p>
      ) : null}
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
      {change ? (
        <div className="grid grid-2">
          <RescheduleForm
            zone={change.zone}
            zoneLabel={change.zoneLabel}
            defaults={change.defaults}
            team={change.team}
          />
          <CancelForm zone={change.zone} version={change.defaults.version} />
        </div>
      ) : null}
    </>
  );
}
