import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { CheckEditor } from "~/components/check-editor";
import { CheckBadge, StageBadge } from "~/components/checks";
import { Field, FormError, GroupError, useValidatedForm } from "~/components/form";
import { formatDate, Notice, PageHeader } from "~/components/ui";
import {
  checkScope,
  checkTypeLabels,
  classificationLabels,
  effectiveStatus,
  offerGate,
  type CheckType,
} from "~/domain/compliance";
import { isoDay } from "~/domain/dates";
import { stageLabels, stages } from "~/domain/pipeline";
import { holds, holdsAny } from "~/domain/policy";
import {
  agencyKindLabels,
  candidateEngagementTypeLabels,
  rejectionReasonLabels,
  rejectionReasons,
  type RejectionReason,
} from "~/domain/reference";
import { getApplication, moveApplication } from "~/models/application.server";
import { listVisibleScorecards } from "~/models/feedback.server";
import { isRoleBlind } from "~/models/role.server";
import { listInterviews } from "~/models/interview.server";
import { listTakeHomesForApplication } from "~/models/take-home.server";
import { isLate, takeHomeResult, takeHomeStatusLabels } from "~/domain/take-home";
import { ScorecardSummary } from "~/components/scorecard-summary";
import { TakeHomeResult } from "~/components/take-home-result";
import { interviewKindLabels } from "~/schemas/interview";
import { applicationChecks, checkHistory, toCheckStates } from "~/models/compliance.server";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.subject.name ?? "Application"} for ${data?.role.title ?? "role"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/applications.$applicationId._index", "loader");
  const found = getApplication(Number(args.params.applicationId));
  if (!found) throw new Response("Application not found", { status: 404 });
  const { application, role, candidate, agency, history, submissions } = found;
  const today = isoDay(new Date());
  const required = role.requiredChecks;
  const subject = candidate
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

  let compliance = null;
  if (holds(user.kind, "read:compliance", teamRole)) {
    const listed = applicationChecks(
      { applicationId: application.id, candidateId: application.candidateId, agencyId: application.agencyId },
      required,
      { seesDetail: holds(user.kind, "read:pay", teamRole) },
    );
    const rows = listed.flatMap((l) => (l.row ? [l.row] : []));
    const history = checkHistory(rows.map((r) => r.id));
    compliance = {
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
              .map(({ status, changedAt, changedBy }) => ({ status, changedAt, changedBy }))
          : [],
      })),
    };
  }

  const feedback = listVisibleScorecards({
    applicationId: application.id,
    roleId: role.id,
    blind: isRoleBlind(role.id),
    viewer: user,
    teamRole,
  });
  const takeHomes = listTakeHomesForApplication(application.id).map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    late: isLate(t),
    dueOn: t.extendedTo ?? t.dueOn,
    anonymous: t.anonymous,
    graders: t.graders.map((g) => g.name),
    amGrader: t.graders.some((g) => g.userId === user.id),
    result: takeHomeResult(t.grades.filter((g) => g.status === "submitted")),
  }));
  return {
    interviews: listInterviews(application.id).map((i) => ({
      id: i.id,
      kind: i.kind,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      panel: i.panel,
      onPanel: i.panel.some((p) => p.userId === user.id),
    })),
    canSchedule: holds(user.kind, "create:interview", teamRole),
    feedback: {
      summary: feedback.summary,
      hiddenCount: feedback.hiddenCount,
      viewerHasSubmitted: feedback.viewerHasSubmitted,
    },
    takeHomes,
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
    history,
    submissions,
    compliance,
    canMove: holds(user.kind, "update:application", teamRole),
    // Offers carry pay: only for those who may see it.
    offer: holds(user.kind, "read:offer", teamRole)
      ? {
          summary: getOfferForApplication(application.id, role.id),
          rule: getChainSummary(role.id).rule,
          canEdit: holds(user.kind, "update:offer", teamRole),
        }
      : null,
    canOpenSubject: subject.kind === "candidate" || holdsAny(user.kind, "read:agency"),
    decision: getDecisionSection({
      applicationId: application.id,
      roleId: role.id,
      viewer: user,
      teamRole,
      canDecide: holds(user.kind, "create:decision", teamRole),
    }),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId._index", "action");
  const id = Number(args.params.applicationId);
  const formData = await args.request.formData();
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

function MoveForm({ application }: { application: { id: number; stage: string; version: number } }) {
  const actionData = useActionData<typeof action>();
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
  const {
    application,
    role,
    subject,
    engagementNote,
    history,
    submissions,
    compliance,
    canMove,
    canOpenSubject,
    interviews,
    canSchedule,
    feedback,
    takeHomes,
    canAssignTakeHome,
    offer,
  } = useLoaderData<typeof loader>();
  const { decision } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const added = params.get("added");
  const moved = params.get("moved");
  const saved = params.get("saved");
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
      {added === "added" || added === "bid" ? <Notice>Added to the pipeline.</Notice> : null}
      {added === "already" ? (
        <div className="alert alert-warn" role="status">
          Already in this role&rsquo;s pipeline: nothing was added twice.
        </div>
      ) : null}
      {added?.startsWith("duplicate-") ? (
        <div className="alert alert-warn" role="status">
          Duplicate submission recorded:{" "}
          {added === "duplicate-direct"
            ? "this person reached the role directly before the agency submitted them."
            : added === "duplicate-same-agency"
              ? "the same agency had already submitted this person."
              : "another agency submitted this person first; that submission is the one that counts."}
        </div>
      ) : null}
      {/* Said loudly right after adding, where the choice was made; quietly after that (some teams do mean it: contract-to-hire). */}
      {engagementNote ? <p className={added ? "alert alert-warn" : "hint"}>{engagementNote}</p> : null}
      {moved ? <Notice>Moved to {stageLabels[moved as keyof typeof stageLabels] ?? moved}.</Notice> : null}
      <section className="card" aria-labelledby="scorecards-heading">
        <h2 id="scorecards-heading">Scorecards</h2>
        {/* The words behind the numbers; the debrief itself applies the blind rule. */}
        <p className="debrief-link">
          <Link to={`/applications/${application.id}/debrief`} className="btn btn-primary">
            Read the debrief
          </Link>{" "}
          <span className="muted small">
            each rating with its evidence, the takeaways, amendments and graders&rsquo; notes
          </span>
        </p>
        {feedback.summary ? <ScorecardSummary summary={feedback.summary} hiddenCount={feedback.hiddenCount} /> : null}
        {feedback.hiddenCount > 0 ? (
          <p className="muted">
            {feedback.hiddenCount} submitted {feedback.hiddenCount === 1 ? "scorecard is" : "scorecards are"} hidden
            until you submit your own (blind feedback).
          </p>
        ) : !feedback.summary ? (
          <p className="muted">No submitted scorecards yet.</p>
        ) : null}
      </section>
      <DecisionSection data={decision} />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="interviews-heading">
          <div className="row-between no-border">
            <h2 id="interviews-heading">Interviews</h2>
            {canSchedule ? (
              <Link to={`/applications/${application.id}/interviews/new`} className="btn">
                Schedule
              </Link>
            ) : null}
          </div>
          {interviews.length === 0 ? (
            <p className="muted">None scheduled.</p>
          ) : (
            <ul className="plain">
              {interviews.map((i) => (
                <li key={i.id} className="row-between">
                  <span>
                    <Link to={`/interviews/${i.id}`}>{interviewKindLabels[i.kind]}</Link>{" "}
                    <span className="muted small">
                      {new Date(i.startsAt).toLocaleString("en-US", {
                        dateStyle: "medium",
                        timeStyle: "short",
                        timeZone: "UTC",
                      })}{" "}
                      UTC
                    </span>
                    <div className="small">
                      {i.panel
                        .map(
                          (p) => `${p.name}${p.status === "submitted" ? " ✔" : p.status === "draft" ? " (draft)" : ""}`,
                        )
                        .join(", ")}
                    </div>
                  </span>
                  {i.onPanel ? (
                    <Link to={`/interviews/${i.id}/scorecard`} className="btn btn-small">
                      Your scorecard
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="take-home-heading">
          <div className="row-between no-border">
            <h2 id="take-home-heading">Take-home</h2>
            {canAssignTakeHome ? (
              <Link to={`/applications/${application.id}/take-homes/new`} className="btn">
                Assign
              </Link>
            ) : null}
          </div>
          {takeHomes.length === 0 ? (
            <p className="muted">None assigned.</p>
          ) : (
            takeHomes.map((t) => (
              <div key={t.id} className="vet-answer">
                <h3>
                  {canAssignTakeHome ? <Link to={`/take-homes/${t.id}`}>{t.title}</Link> : t.title}{" "}
                  <span className="badge">
                    {takeHomeStatusLabels[t.status]}
                    {t.late ? " · late" : ""}
                  </span>
                </h3>
                <p className="small muted">
                  Due {t.dueOn} · graders {t.graders.join(", ")}
                  {t.anonymous ? " · anonymous" : ""}
                </p>
                {t.amGrader ? (
                  <p>
                    <Link to={`/take-homes/${t.id}/grade`}>Your grade</Link>
                  </p>
                ) : null}
                <TakeHomeResult result={t.result} />
              </div>
            ))
          )}
        </section>
      </div>
      <div className="grid grid-2">
        <div>
          {compliance ? (
            <section className="card" aria-labelledby="checks" id="checks">
              <h2 id="checks-heading">Compliance</h2>
              {compliance.gate.ok ? (
                <p className="alert alert-ok">All required checks are verified or waived: an offer can go out.</p>
              ) : (
                <p className="alert alert-warn">
                  {compliance.gate.message.replace("Cannot move to Offer", "No offer")}
                </p>
              )}
              {/* Beside the checks, not at the top of the page: HR updating several checks keeps their place. */}
              {saved ? <Notice>{checkTypeLabels[saved as CheckType] ?? "Check"} saved.</Notice> : null}
              {compliance.checks.map((c) => (
                <details key={c.type} className="check-row">
                  <summary>
                    <span className="check-name">
                      {checkTypeLabels[c.type]} {c.required ? <span className="muted small">required</span> : null}
                      <span className="muted small">
                        {" "}
                        · {c.scope === "person" ? "held by the person" : "for this engagement"}
                      </span>
                    </span>
                    <CheckBadge status={c.status} />
                  </summary>
                  <dl className="facts small">
                    {c.editable.classification ? (
                      <>
                        <dt>Classification</dt>
                        <dd>{classificationLabels[c.editable.classification]}</dd>
                      </>
                    ) : null}
                    {c.editable.rationale ? (
                      <>
                        <dt>Rationale</dt>
                        <dd>{c.editable.rationale}</dd>
                      </>
                    ) : null}
                    {c.editable.waiverReason ? (
                      <>
                        <dt>Waived because</dt>
                        <dd>{c.editable.waiverReason}</dd>
                      </>
                    ) : null}
                    {c.editable.evidenceRef ? (
                      <>
                        <dt>Evidence</dt>
                        <dd>{c.editable.evidenceRef}</dd>
                      </>
                    ) : null}
                    {c.requestedAt ? (
                      <>
                        <dt>Requested</dt>
                        <dd>{formatDate(c.requestedAt)}</dd>
                      </>
                    ) : null}
                    {c.editable.expiresAt ? (
                      <>
                        <dt>Expires</dt>
                        <dd>{formatDate(c.editable.expiresAt)}</dd>
                      </>
                    ) : null}
                    {c.editable.detail ? (
                      <>
                        <dt>Findings</dt>
                        <dd>{c.editable.detail}</dd>
                      </>
                    ) : null}
                  </dl>
                  {c.history.length ? (
                    <ul className="history small">
                      {c.history.map((h, i) => (
                        <li key={i}>
                          {new Date(h.changedAt).toLocaleString("en-US", {
                            dateStyle: "medium",
                            timeStyle: "short",
                            timeZone: "UTC",
                          })}{" "}
                          UTC: {h.changedBy ?? "someone"} set {h.status.replace("_", " ")}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {compliance.canEdit ? <CheckEditor applicationId={application.id} check={c.editable} /> : null}
                </details>
              ))}
            </section>
          ) : null}
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">Stage history</h2>
            <ol className="history">
              {history.map((h) => (
                <li key={h.id}>
                  <strong>
                    {h.fromStage ? `${stageLabels[h.fromStage as keyof typeof stageLabels]} → ` : "Added at "}
                    {stageLabels[h.toStage as keyof typeof stageLabels]}
                  </strong>{" "}
                  <span className="muted small">
                    {new Date(h.movedAt).toLocaleString("en-US", {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: "UTC",
                    })}{" "}
                    UTC by {h.movedBy ?? "someone"}
                  </span>
                  {h.note ? <div className="small">{h.note}</div> : null}
                </li>
              ))}
            </ol>
            {application.rejectionReason ? (
              <p className="small">
                Rejected: {rejectionReasonLabels[application.rejectionReason]}
                {application.exitNote ? ` · ${application.exitNote}` : ""}
              </p>
            ) : null}
          </section>
        </div>
        <div>
          {offer ? (
            <OfferPanel
              applicationId={application.id}
              offer={offer.summary}
              canEdit={offer.canEdit}
              rule={offer.rule}
            />
          ) : null}
          {canMove ? (
            <section className="card" aria-labelledby="move-heading">
              <h2 id="move-heading">Move</h2>
              <MoveForm application={application} />
            </section>
          ) : null}
          {submissions.length ? (
            <section className="card" aria-labelledby="subs">
              <h2 id="subs">Agency submissions</h2>
              <ul className="plain">
                {submissions.map((s) => (
                  <li key={s.id} className="row-between">
                    <span>
                      {s.agency}
                      {s.contact ? <span className="muted small"> · {s.contact}</span> : null}
                      <span className="muted small">
                        {" "}
                        ·{" "}
                        {new Date(s.submittedAt).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}
                      </span>
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
          ) : null}
        </div>
      </div>
    </>
  );
}
