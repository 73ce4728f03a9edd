import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { Field, FormError, GroupError, useValidatedForm } from "~/components/form";
import { AutosaveStatusLine, OlderCopyNotice, useAutosavedForm } from "~/components/autosave";
import { LeavePrompt } from "~/components/leave-guard";
import { TakeHomeResult } from "~/components/take-home-result";
import { formatDate, Notice, PageHeader } from "~/components/ui";
import {
  deliverables,
  EXPECTED_OUTCOMES,
  identityHidden,
  isLate,
  takeHomeResult,
  takeHomeStatusLabels,
} from "~/domain/take-home";
import { getApplication } from "~/models/application.server";
import { getMask } from "~/models/masking.server";
import { getTakeHome, saveGrade } from "~/models/take-home.server";
import { gradeSchema, gradeValuesFrom } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Grade take-home · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/take-homes.$takeHomeId.grade", "loader");
  const found = getTakeHome(Number(args.params.takeHomeId));
  if (!found) throw new Response("Take-home not found", { status: 404 });
  const { takeHome: t, grades, graders, role, application } = found;
  const hidden = identityHidden(t);
  // Someone who manages a role the candidate applied to knows them: the name is theirs to see here too, as everywhere.
  const nameHidden = hidden && getMask(user.id).applicationIds.has(application.id);
  const mine = grades.find((g) => g.graderId === user.id) ?? null;
  const submitted = grades.filter((g) => g.status === "submitted");
  // While grading is anonymous this is all a grader gets: no name, email, agency, links, pay or record ids.
  const app = nameHidden ? null : getApplication(application.id);
  return {
    takeHome: {
      title: t.title,
      instructions: t.instructions,
      materialsUrl: t.materialsUrl,
      timeBoxHours: t.timeBoxHours,
      dueOn: t.dueOn,
      extendedTo: t.extendedTo,
      submissionUrl: t.submissionUrl,
      status: t.status,
      late: isLate(t),
      submitted: t.submittedAt !== null,
    },
    who: nameHidden
      ? { alias: t.alias, name: null, applicationId: null, knownToYou: false }
      : {
          alias: t.alias,
          name: app?.candidate?.name ?? app?.agency?.name ?? null,
          applicationId: application.id,
          knownToYou: hidden,
        },
    roleTitle: role.title,
    progress: { submitted: submitted.length, graders: graders.length },
    mine: mine ? { ...mine, status: mine.status } : null,
    result: hidden ? null : takeHomeResult(submitted),
    autosave: {
      url: `/take-homes/${t.id}/grade/autosave`,
      storageKey: `draft:grade:${t.id}:${user.id}`,
      signInHref: `/login?redirectTo=${encodeURIComponent(`/take-homes/${t.id}/grade`)}`,
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/take-homes.$takeHomeId.grade", "action");
  const id = Number(args.params.takeHomeId);
  const formData = await args.request.formData();
  const parsed = parseFormData(gradeSchema, formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const v = parsed.data;
  const values = gradeValuesFrom(v);
  if (
    v.intent === "draft" &&
    Object.entries(values).some(([k, x]) => k !== "notes" && x !== null && Number.isNaN(x as number))
  ) {
    return invalid(formData, { fieldErrors: {}, formError: "Some values are not numbers." });
  }
  const result = saveGrade({
    takeHomeId: id,
    graderId: user.id,
    version: v.version ? Number(v.version) : null,
    submit: v.intent === "submit",
    values,
  });
  if (!result.ok) {
    const formError =
      result.reason === "not-ready"
        ? "There is no submission to grade yet."
        : result.reason === "locked"
          ? "Your grade is submitted and locked."
          : "Your grade was saved somewhere else after you opened it; nothing was overwritten. Copy what you need from the form, then reload.";
    return invalid(formData, { fieldErrors: {}, formError }, { status: 409 });
  }
  return redirect(`/take-homes/${id}/grade?saved=${result.revealed ? "revealed" : v.intent}`);
}

export default function GradePage() {
  const { takeHome: t, who, roleTitle, progress, mine, result, autosave: draftTarget } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const { formRef, register, group, onSubmit, errorFor, errorIdFor, groupAria, typed, summary } = useValidatedForm(
    gradeSchema,
    { serverErrors: actionData?.fieldErrors, submitted: actionData?.values },
  );
  const locked = mine?.status === "submitted";
  const { guard, autosave, version, formProps } = useAutosavedForm({
    formRef,
    draft: draftTarget,
    version: mine?.version ?? null,
    enabled: !locked && t.submitted,
    typed,
    onSubmit,
  });
  // Submitted (here or in another tab): nothing typed on this device is a draft any more.
  useEffect(() => {
    if (locked) window.localStorage.removeItem(draftTarget.storageKey);
  }, [locked, draftTarget.storageKey]);
  // Fields start from the saved grade, or from what was sent if the server refused it.
  const val = (k: string) => typed(k, mine ? String((mine as Record<string, unknown>)[k] ?? "") : "");
  const boolVal = (k: string) =>
    typed(
      k,
      mine
        ? (mine as Record<string, unknown>)[k] === true
          ? "yes"
          : (mine as Record<string, unknown>)[k] === false
            ? "no"
            : ""
        : "",
    );
  return (
    <>
      <PageHeader
        title={`Grade: ${who.name ?? who.alias}`}
        subtitle={`${t.title} · ${roleTitle}${
          who.knownToYou
            ? ` · not anonymous for you: you manage a role this candidate applied to (others see ${who.alias})`
            : who.name
              ? ` · graded as ${who.alias}`
              : " · anonymous until every grader submits"
        }`}
        badge={<span className="badge">{takeHomeStatusLabels[t.status as keyof typeof takeHomeStatusLabels]}</span>}
      />
      {saved === "revealed" ? (
        <Notice>Every grader has submitted: identity revealed.</Notice>
      ) : saved ? (
        <Notice>{saved === "submit" ? "Grade submitted." : "Draft saved."}</Notice>
      ) : null}
      <div className="grid grid-2">
        <div>
          {locked ? (
            <section className="card" aria-labelledby="your-grade">
              <h2 id="your-grade">Your grade is submitted</h2>
              <p className="muted">
                {progress.submitted} of {progress.graders} graders have submitted.
              </p>
            </section>
          ) : t.submitted ? (
            <Form method="post" ref={formRef} {...formProps} className="stack" noValidate aria-label="Grade">
              <LeavePrompt blocker={guard.blocker} what="grade" onLeave={autosave.discard} />
              {autosave.olderCopy ? (
                <OlderCopyNotice
                  at={autosave.olderCopy.at}
                  onRestore={autosave.restoreOlderCopy}
                  onDiscard={autosave.discardOlderCopy}
                />
              ) : null}
              {autosave.version !== null ? <input type="hidden" name="version" value={version} /> : null}
              <FormError error={actionData?.formError} summary={summary} />
              <fieldset>
                <legend>Deliverables (1 weak to 4 strong)</legend>
                {deliverables.map((d) => (
                  <div key={d.key} className="rating-row" role="radiogroup" aria-label={d.label} {...groupAria(d.key)}>
                    <span className="label">{d.label}</span>
                    {[1, 2, 3, 4].map((n) => (
                      <label key={n} className="rating">
                        <input
                          type="radio"
                          value={String(n)}
                          defaultChecked={val(d.key) === String(n)}
                          {...group(d.key)}
                        />{" "}
                        {n}
                      </label>
                    ))}
                    <GroupError error={errorFor(d.key)} id={errorIdFor(d.key)} />
                  </div>
                ))}
              </fieldset>
              <fieldset>
                <legend>Outcomes and constraints</legend>
                <div className="fields">
                  <Field
                    label={`Expected outcomes reached (of ${EXPECTED_OUTCOMES})`}
                    error={errorFor("outcomesReached")}
                  >
                    {(aria) => (
                      <input
                        type="number"
                        min={0}
                        max={EXPECTED_OUTCOMES}
                        defaultValue={val("outcomesReached")}
                        {...aria}
                        {...register("outcomesReached")}
                      />
                    )}
                  </Field>
                  <Field label="Hours the candidate reported" error={errorFor("hoursReported")}>
                    {(aria) => (
                      <input
                        type="number"
                        min={0}
                        defaultValue={val("hoursReported")}
                        {...aria}
                        {...register("hoursReported")}
                      />
                    )}
                  </Field>
                </div>
                {(["costCeilingRespected", "securityRespected"] as const).map((k) => (
                  <div
                    key={k}
                    className="rating-row"
                    role="radiogroup"
                    aria-label={
                      k === "costCeilingRespected" ? "Cost ceiling respected" : "Security constraint respected"
                    }
                    {...groupAria(k)}
                  >
                    <span className="label">
                      {k === "costCeilingRespected" ? "Cost ceiling respected" : "Security constraint respected"}
                    </span>
                    {["yes", "no"].map((x) => (
                      <label key={x} className="rating">
                        <input type="radio" value={x} defaultChecked={boolVal(k) === x} {...group(k)} />{" "}
                        {x === "yes" ? "Yes" : "No"}
                      </label>
                    ))}
                    <GroupError error={errorFor(k)} id={errorIdFor(k)} />
                  </div>
                ))}
                <Field label="Notes" error={errorFor("notes")} wide>
                  {(aria) => <textarea rows={3} defaultValue={val("notes")} {...aria} {...register("notes")} />}
                </Field>
              </fieldset>
              <div className="actions">
                <AutosaveStatusLine status={autosave.status} signInHref={draftTarget.signInHref} />
                <button
                  type="submit"
                  name="intent"
                  value="draft"
                  className="btn"
                  disabled={navigation.state === "submitting"}
                >
                  Save draft
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="submit"
                  className="btn btn-primary"
                  disabled={navigation.state === "submitting"}
                >
                  Submit grade
                </button>
              </div>
            </Form>
          ) : (
            <div className="card">No submission has been recorded yet.</div>
          )}
        </div>
        <div>
          <section className="card" aria-labelledby="exercise">
            <h2 id="exercise">The submission</h2>
            <dl className="facts small">
              <dt>Submission</dt>
              <dd>
                {t.submissionUrl ? (
                  <a href={t.submissionUrl} rel="noopener noreferrer nofollow" target="_blank">
                    Open the submission
                  </a>
                ) : t.submitted ? (
                  "Recorded without a link"
                ) : (
                  "Not yet"
                )}
                {t.submitted ? (t.late ? " (late)" : " (on time)") : ""}
              </dd>
              <dt>Due</dt>
              <dd>{formatDate(t.extendedTo ?? t.dueOn)}</dd>
              <dt>Time box</dt>
              <dd>{t.timeBoxHours} hours</dd>
              {t.materialsUrl ? (
                <>
                  <dt>Materials</dt>
                  <dd>
                    <a href={t.materialsUrl} rel="noopener noreferrer nofollow" target="_blank">
                      Materials
                    </a>
                  </dd>
                </>
              ) : null}
            </dl>
            <p className="prewrap small">{t.instructions}</p>
          </section>
          {result ? (
            <section className="card" aria-labelledby="result">
              <h2 id="result">Combined result</h2>
              <TakeHomeResult result={result} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
