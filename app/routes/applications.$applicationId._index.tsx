import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ActivityPanel } from "~/components/application/activity-panel";
import { AddedNotices } from "~/components/application/added-notices";
import { AgencySubmissions } from "~/components/application/agency-submissions";
import { BidQuoteSection } from "~/components/application/bid-quote";
import { ComplianceSection } from "~/components/application/compliance-section";
import { InterviewsSection } from "~/components/application/interviews-section";
import { ScorecardsSection } from "~/components/application/scorecards-section";
import { StageHistory } from "~/components/application/stage-history";
import { TakeHomesSection } from "~/components/application/take-homes-section";
import { StageBadge } from "~/components/checks";
import { Field, FormError, GroupError, useValidatedForm } from "~/components/form";
import { Notice, PageHeader } from "~/components/ui";
import { checkScope, effectiveStatus, offerGate, type CheckType } from "~/domain/compliance";
import { isoDay } from "~/domain/dates";
import { stageLabels, stages } from "~/domain/pipeline";
import { holds, holdsAny } from "~/domain/policy";
import {
  agencyKindLabels,
  candidateEngagementTypeLabels,
  rejectionReasonLabels,
  rejectionReasons,
  type RejectionReason,
  type TeamRole,
} from "~/domain/reference";
import { getApplication, moveApplication, saveAgencyQuote } from "~/models/application.server";
import { defaultCostAssumptions, firstYearCost, quoteSubjectFor } from "~/domain/cost";
import { bidQuoteSchema } from "~/schemas/costs";
import { listVisibleScorecards } from "~/models/feedback.server";
import { isRoleBlind } from "~/models/role.server";
import { listInterviews } from "~/models/interview.server";
import { listTakeHomesForApplication } from "~/models/take-home.server";
import { isLate, takeHomeResult } from "~/domain/take-home";
import { listApplicationChecks, listCheckHistory, toCheckStates } from "~/models/compliance.server";
import { moveSchema } from "~/schemas/application";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/session.server";
import { engagementMismatch } from "~/domain/engagement";
import { DecisionSection } from "~/components/decision-record";
import { getDecisionSection } from "~/models/decision.server";
import { OfferPanel } from "~/components/offer-panel";
import { getChainSummary, getOfferForApplication } from "~/models/offer.server";
import type { SessionUser } from "~/models/session.server";
import { activityActionsFor, activityText } from "~/domain/audit";
import { listApplicationActivity, recordView } from "~/models/audit.server";
import { canSeeAllScorecards } from "~/models/feedback.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.subject.name ?? "Application"} for ${data?.role.title ?? "role"} · AI Talent Scorecards` },
];

type Found = NonNullable<ReturnType<typeof getApplication>>;
type Viewer = { user: SessionUser; teamRole: TeamRole | null };

/** Who the application is for: a person, or an agency bidding as a team. */
function subjectOf({ candidate, agency }: Pick<Found, "candidate" | "agency">) {
  return candidate
    ? {
        kind: "candidate" as const,
        id: candidate.id,
        name: candidate.name,
        detail: `${candidate.email} · ${candidateEngagementTypeLabels[candidate.engagementType]}`,
      }
    : {
        kind: "agency" as const,
        id: agency!.id,
        name: agency!.name,
        detail: `${agencyKindLabels[agency!.kind]} bidding as a team`,
      };
}

/** The checks and whether an offer may go out, for those who may read compliance; findings only with read:pay. */
function complianceFor({ application, role }: Found, { user, teamRole }: Viewer) {
  if (!holds(user.kind, "read:compliance", teamRole)) return null;
  const today = isoDay(new Date());
  const required = role.requiredChecks;
  const listed = listApplicationChecks(
    { applicationId: application.id, candidateId: application.candidateId, agencyId: application.agencyId },
    required,
    { seesDetail: holds(user.kind, "read:pay", teamRole) },
  );
  const rows = listed.flatMap((l) => (l.row ? [l.row] : []));
  const history = listCheckHistory(rows.map((r) => r.id));
  // Background-check findings shown to someone allowed to see them: the view is logged.
  if (listed.some((l) => l.editable.detail))
    recordView({
      actorId: user.id,
      action: "findings.view",
      subject: { type: "application", id: application.id },
      roleId: role.id,
      applicationId: application.id,
    });
  return {
    canEdit: holds(user.kind, "update:compliance", teamRole),
    gate: offerGate({ to: "offer", required, checks: toCheckStates(rows), today }),
    checks: listed.map(({ type, required, row, editable }) => ({
      type,
      required,
      scope: checkScope[type],
      status: effectiveStatus(row, today),
      editable,
      requestedAt: row?.requestedAt ?? null,
      verifiedAt: row?.verifiedAt ?? null,
      history: row
        ? history
            .filter((h) => h.checkId === row.id)
            .map(({ status, changedAt, changedBy, fields }) => ({ status, changedAt, changedBy, fields }))
        : [],
    })),
  };
}

/** An agency bid's quote, for those who may see pay: quotes are pay-like. */
function bidQuoteFor({ application, role }: Found, { user, teamRole }: Viewer) {
  if (application.agencyId === null || !holds(user.kind, "read:pay", teamRole)) return null;
  const quote = {
    amount: application.quoteAmount,
    currency: application.quoteCurrency,
    teamSize: application.quoteTeamSize,
    weeks: application.quoteWeeks,
  };
  const estimate = firstYearCost(
    quoteSubjectFor({ ...quote, currency: null, roleCurrency: role.currency }),
    defaultCostAssumptions,
  );
  return {
    quote,
    roleCurrency: role.currency,
    version: application.version,
    canEdit: holds(user.kind, "update:application", teamRole),
    pricedAs: estimate.pricedAs ?? null,
  };
}

/** The interviews with their panels, and whether the viewer sits on each. */
function interviewsFor(applicationId: number, userId: number) {
  return listInterviews(applicationId).map((i) => ({
    id: i.id,
    kind: i.kind,
    startsAt: i.startsAt,
    endsAt: i.endsAt,
    panel: i.panel,
    onPanel: i.panel.some((p) => p.userId === userId),
    cancelled: i.cancelledAt !== null,
  }));
}

/** The take-homes with their graders and the result of the grades submitted so far. */
function takeHomesFor(applicationId: number, userId: number) {
  return listTakeHomesForApplication(applicationId).map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    late: isLate(t),
    dueOn: t.extendedTo ?? t.dueOn,
    anonymous: t.anonymous,
    graders: t.graders.map((g) => g.name),
    amGrader: t.graders.some((g) => g.userId === userId),
    result: takeHomeResult(t.grades.filter((g) => g.status === "submitted")),
  }));
}

/** The scorecards the viewer may read, summed up; the blind rule decides which. */
function feedbackFor({ application, role }: Found, { user, teamRole }: Viewer) {
  const feedback = listVisibleScorecards({
    applicationId: application.id,
    roleId: role.id,
    blind: isRoleBlind(role.id),
    viewer: user,
    teamRole,
  });
  return {
    summary: feedback.summary,
    hiddenCount: feedback.hiddenCount,
    viewerHasSubmitted: feedback.viewerHasSubmitted,
  };
}

/** Offers carry pay: only for those who may see it. */
function offerFor({ application, role }: Found, { user, teamRole }: Viewer) {
  if (!holds(user.kind, "read:offer", teamRole)) return null;
  const summary = getOfferForApplication(application.id, role.id);
  // An offer's terms are pay: its view is logged.
  if (summary)
    recordView({
      actorId: user.id,
      action: "pay.view",
      subject: { type: "offer", id: summary.id },
      roleId: role.id,
      applicationId: application.id,
    });
  return { summary, rule: getChainSummary(role.id).rule, canEdit: holds(user.kind, "update:offer", teamRole) };
}

/** The application's activity from the audit log: only the kinds of entry about what the viewer may see. */
function activityFor(applicationId: number, { user, teamRole }: Viewer) {
  const actions = activityActionsFor({
    offer: holds(user.kind, "read:offer", teamRole),
    compliance: holds(user.kind, "read:compliance", teamRole),
    allFeedback: canSeeAllScorecards(user.kind, teamRole),
  });
  const { entries, total } = listApplicationActivity(applicationId, user.id, actions);
  return {
    entries: entries.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName, text: activityText(e) })),
    total,
    canReadLog: holdsAny(user.kind, "read:audit"),
  };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/applications.$applicationId._index", "loader");
  const found = getApplication(Number(args.params.applicationId));
  if (!found) throw new Response("Application not found", { status: 404 });
  const { application, role, candidate, history, submissions } = found;
  const viewer = { user, teamRole };
  const subject = subjectOf(found);
  return {
    interviews: interviewsFor(application.id, user.id),
    canSchedule: holds(user.kind, "create:interview", teamRole),
    feedback: feedbackFor(found, viewer),
    takeHomes: takeHomesFor(application.id, user.id),
    canAssignTakeHome: holds(user.kind, "update:takehome", teamRole),
    application: {
      id: application.id,
      stage: application.stage,
      version: application.version,
      rejectionReason: application.rejectionReason as RejectionReason | null,
      exitNote: application.exitNote,
      stageChangedAt: application.stageChangedAt,
    },
    role: { id: role.id, title: role.title },
    subject,
    engagementNote: engagementMismatch(role.engagementModels, candidate ? candidate.engagementType : "agency_bid"),
    engagement: candidate ? candidate.engagementType : ("agency_bid" as const),
    history,
    submissions,
    compliance: complianceFor(found, viewer),
    canMove: holds(user.kind, "update:application", teamRole),
    offer: offerFor(found, viewer),
    canOpenSubject: subject.kind === "candidate" || holdsAny(user.kind, "read:agency"),
    decision: getDecisionSection({
      applicationId: application.id,
      roleId: role.id,
      viewer: user,
      teamRole,
      canDecide: holds(user.kind, "create:decision", teamRole),
    }),
    activity: activityFor(application.id, viewer),
    bidQuote: bidQuoteFor(found, viewer),
  };
}

export async function action(args: ActionFunctionArgs) {
  const viewer = await authorizeUser(args, "routes/applications.$applicationId._index", "action");
  const { user } = viewer;
  const id = Number(args.params.applicationId);
  const formData = await args.request.formData();
  if (formData.get("intent") === "quote") return saveQuote(id, formData, viewer);
  const returnTo = safeRedirect(formData.get("returnTo"), `/applications/${id}`);
  const parsed = parseFormData(moveSchema, formData);
  if (!parsed.ok)
    return invalid(formData, {
      fieldErrors: parsed.fieldErrors,
      formError: parsed.formError,
      missing: [] as CheckType[],
    });
  const found = getApplication(id);
  if (!found) throw new Response("Application not found", { status: 404 });
  const { toStage, rejectionReason, note, confirmUndoHire, version } = parsed.data;
  const result = moveApplication({ id, version, toStage, rejectionReason, note, confirmUndoHire, actorId: user.id });
  if (!result.ok && result.reason === "not-found") throw new Response("Application not found", { status: 404 });
  if (!result.ok && result.reason === "invalid") {
    return invalid(formData, {
      fieldErrors: { [result.problem.field]: [result.problem.message] },
      formError: null,
      missing: [] as CheckType[],
    });
  }
  if (!result.ok && result.reason === "conflict") {
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError:
          "Someone else moved this application after you opened the page; nothing changed. Reload to see where it is now.",
        missing: [] as CheckType[],
      },
      { status: 409 },
    );
  }
  if (!result.ok && result.reason === "gate")
    return invalid(formData, { fieldErrors: {}, formError: result.message, missing: result.missing });
  const sep = returnTo.includes("?") ? "&" : "?";
  return redirect(`${returnTo}${sep}moved=${parsed.data.toStage}`);
}

/** Record or change an agency bid's quote: pay-like, so only for those who may see pay; 400 with nothing written on bad input. */
function saveQuote(id: number, formData: FormData, { user, teamRole }: Viewer) {
  const found = getApplication(id);
  if (!found || found.application.agencyId === null) throw new Response("Agency bid not found", { status: 404 });
  if (!holds(user.kind, "read:pay", teamRole))
    throw new Response("Quotes are for those who may see pay", { status: 403 });
  const parsed = parseFormData(bidQuoteSchema, formData);
  if (!parsed.ok)
    return invalid(formData, {
      intent: "quote" as const,
      fieldErrors: parsed.fieldErrors,
      formError: parsed.formError,
      missing: [] as CheckType[],
    });
  const q = parsed.data;
  const result = saveAgencyQuote({
    applicationId: id,
    actorId: user.id,
    version: q.version,
    quote: { amount: q.quoteAmount, currency: q.quoteCurrency, teamSize: q.quoteTeamSize, weeks: q.quoteWeeks },
  });
  if (result === "stale")
    return invalid(
      formData,
      {
        intent: "quote" as const,
        fieldErrors: {},
        formError: "Someone else changed this bid after you opened the page; nothing was saved. Reload and try again.",
        missing: [] as CheckType[],
      },
      { status: 409 },
    );
  if (result === "not-found") throw new Response("Agency bid not found", { status: 404 });
  return redirect(`/applications/${id}?quoted=1#quote`);
}

function MoveForm({ application }: { application: { id: number; stage: string; version: number } }) {
  const answered = useActionData<typeof action>();
  // The quote form's refusals are its own.
  const actionData = answered && "intent" in answered && answered.intent === "quote" ? undefined : answered;
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, ticked, group, summary } = useValidatedForm(moveSchema, {
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  const hired = application.stage === "hired";
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Move application">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="version" value={typed("version", String(application.version))} />
      <FormError error={actionData?.formError} summary={summary} />
      <div className="fields">
        <Field label="Move to" error={errorFor("toStage")}>
          {(aria) => (
            <select defaultValue={typed("toStage", "")} {...aria} {...register("toStage")}>
              <option value="" disabled>
                Choose a stage…
              </option>
              {stages
                .filter((s) => s !== application.stage)
                .map((s) => (
                  <option key={s} value={s}>
                    {stageLabels[s]}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Rejection reason" hint="Only when rejecting" error={errorFor("rejectionReason")}>
          {(aria) => (
            <select defaultValue={typed("rejectionReason", "")} {...aria} {...register("rejectionReason")}>
              <option value="">—</option>
              {rejectionReasons.map((r) => (
                <option key={r} value={r}>
                  {rejectionReasonLabels[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={hired ? "Why is this hire undone?" : "Note"}
          hint={hired ? "Required: moving out of Hired undoes the hire" : undefined}
          error={errorFor("note")}
          wide
        >
          {(aria) => <input type="text" defaultValue={typed("note", "")} {...aria} {...register("note")} />}
        </Field>
      </div>
      {hired ? (
        <UndoHireConfirm
          error={errorFor("confirmUndoHire")}
          checked={ticked("confirmUndoHire", "on", false)}
          group={group("confirmUndoHire")}
        />
      ) : null}
      <div>
        <button
          type="submit"
          className={hired ? "btn btn-danger" : "btn btn-primary"}
          disabled={navigation.state === "submitting"}
        >
          {hired ? "Undo hire and move" : "Move"}
        </button>
      </div>
    </Form>
  );
}

function UndoHireConfirm(props: { error?: string; checked: boolean; group: { name: string; onChange: () => void } }) {
  return (
    <div className="checks">
      <label>
        <input
          type="checkbox"
          value="on"
          defaultChecked={props.checked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? "undo-hire-error" : undefined}
          {...props.group}
        />
        I understand this undoes a recorded hire
      </label>
      <GroupError error={props.error} id="undo-hire-error" />
    </div>
  );
}

export default function ApplicationPage() {
  const data = useLoaderData<typeof loader>();
  const { application, role, subject, engagementNote, compliance, canMove, canOpenSubject, offer } = data;
  const [params] = useSearchParams();
  const added = params.get("added");
  const moved = params.get("moved");
  return (
    <>
      <PageHeader
        title={subject.name}
        badge={<StageBadge stage={application.stage} />}
        subtitle={
          <>
            {subject.detail} · for <Link to={`/roles/${role.id}`}>{role.title}</Link>
          </>
        }
        actions={
          canOpenSubject ? (
            <Link
              to={subject.kind === "candidate" ? `/candidates/${subject.id}` : `/agencies/${subject.id}`}
              className="btn"
            >
              Open {subject.kind === "candidate" ? "candidate" : "agency"}
            </Link>
          ) : null
        }
      />
      <AddedNotices added={added} />
      {/* Said loudly right after adding, where the choice was made; quietly after that (some teams do mean it: contract-to-hire). */}
      {engagementNote ? <p className={added ? "alert alert-warn" : "hint"}>{engagementNote}</p> : null}
      {moved ? <Notice>Moved to {stageLabels[moved as keyof typeof stageLabels] ?? moved}.</Notice> : null}
      <ScorecardsSection applicationId={application.id} feedback={data.feedback} />
      <DecisionSection data={data.decision} />
      <div className="grid grid-2">
        <InterviewsSection applicationId={application.id} interviews={data.interviews} canSchedule={data.canSchedule} />
        <TakeHomesSection
          applicationId={application.id}
          takeHomes={data.takeHomes}
          canAssign={data.canAssignTakeHome}
        />
      </div>
      <div className="grid grid-2">
        <div>
          {compliance ? (
            <ComplianceSection applicationId={application.id} compliance={compliance} saved={params.get("saved")} />
          ) : null}
          <StageHistory history={data.history} application={application} />
          <ActivityPanel applicationId={application.id} activity={data.activity} />
        </div>
        <div>
          {/* A bid's quote first: it is what the team weighs the bid on, beside the others' pay. */}
          {data.bidQuote ? <BidQuoteSection data={data.bidQuote} saved={params.get("quoted") === "1"} /> : null}
          {offer ? (
            <OfferPanel
              applicationId={application.id}
              offer={offer.summary}
              canEdit={offer.canEdit}
              rule={offer.rule}
              engagement={data.engagement}
            />
          ) : null}
          {canMove ? (
            <section className="card" aria-labelledby="move-heading">
              <h2 id="move-heading">Move</h2>
              <MoveForm application={application} />
            </section>
          ) : null}
          {data.submissions.length ? <AgencySubmissions submissions={data.submissions} /> : null}
        </div>
      </div>
    </>
  );
}
