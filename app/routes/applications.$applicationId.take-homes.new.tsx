import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, GroupError, labelled, SelectField, useValidatedForm } from "~/components/form";
import { PageHeader } from "~/components/ui";
import { currencies } from "~/domain/reference";
import { getApplication } from "~/models/application.server";
import { getRoleTeam } from "~/models/role.server";
import { findAnonymousGradingConflicts, assignTakeHome } from "~/models/take-home.server";

import { isOpenStage } from "~/domain/pipeline";
import { takeHomeArrayFields, takeHomeSchema } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData, type FormFailure } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { DAY_MS, isoDay } from "~/domain/dates";

export const meta: MetaFunction = () => [{ title: "Assign take-home · AI Talent Scorecards" }];

const defaultInstructions = `You get a failing AI workflow: a few source documents, a flawed RAG prompt, ten expected answers, a cost ceiling and a security constraint.
Return six things:
1. Your diagnosis of why it fails.
2. An eval plan with pass/fail thresholds.
3. A revised architecture or workflow.
4. A production monitoring plan.
5. A cost-control plan.
6. What you would not build yet, and why.
Tell us how many hours you spent.`;

function load(id: number) {
  const found = getApplication(id);
  if (!found) throw new Response("Application not found", { status: 404 });
  // Who has met or handled this candidate, on any role: they cannot grade blind.
  const conflicts = findAnonymousGradingConflicts(id);
  const team = getRoleTeam(found.role.id)
    .filter((t) => t.active)
    .map((t) => ({ userId: t.userId, name: t.name, cannotGradeBlind: conflicts.get(t.userId) ?? null }));
  return { found, team };
}

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/applications.$applicationId.take-homes.new", "loader");
  const { found, team } = load(Number(args.params.applicationId));
  const due = isoDay(new Date(Date.now() + 7 * DAY_MS));
  return {
    application: { id: found.application.id, name: found.candidate?.name ?? found.agency?.name ?? "" },
    role: found.role,
    team,
    due,
    defaultInstructions,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId.take-homes.new", "action");
  const applicationId = Number(args.params.applicationId);
  const { found, team } = load(applicationId);
  const formData = await args.request.formData();
  const refuse = (failure: FormFailure) => invalid(formData, failure, { arrayFields: takeHomeArrayFields });
  if (!isOpenStage(found.application.stage)) {
    return refuse({
      fieldErrors: {},
      formError: "This application is closed; reopen it before assigning a take-home.",
    });
  }
  const parsed = parseFormData(takeHomeSchema, formData, takeHomeArrayFields);
  if (!parsed.ok) return refuse({ fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  // Anonymous grading needs graders who have not met or handled the candidate.
  const conflicted = team.filter((t) => parsed.data.graderIds.includes(t.userId) && t.cannotGradeBlind);
  if (parsed.data.anonymous && conflicted.length) {
    const who = conflicted.map((t) => `${t.name} ${t.cannotGradeBlind}`).join("; ");
    const message = `${who}, so cannot grade anonymously. Choose graders who have not met or handled them, or grade with names.`;
    return refuse({ fieldErrors: { graderIds: [message] }, formError: null });
  }
  if (!parsed.data.graderIds.every((id) => team.some((t) => t.userId === id)))
    return refuse({ fieldErrors: { graderIds: ["Graders must be on this role's hiring team"] }, formError: null });
  const id = assignTakeHome({ applicationId, values: parsed.data, actorId: user.id });
  return redirect(`/take-homes/${id}?saved=assigned`);
}

export default function AssignTakeHome() {
  const { application, role, team, due, defaultInstructions: instructions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { formRef, register, group, onSubmit, errorFor, typed, ticked, summary } = useValidatedForm(takeHomeSchema, {
    arrayFields: takeHomeArrayFields,
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  return (
    <>
      <PageHeader
        title={`Assign a take-home to ${application.name}`}
        subtitle={`For ${role.title}. Paid or time-boxed, and narrow.`}
        actions={
          <Link to={`/applications/${application.id}`} className="btn">
            Cancel
          </Link>
        }
      />
      <FormError error={actionData?.formError} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Assign take-home">
        <fieldset>
          <legend>The exercise</legend>
          <div className="fields">
            <Field label="Title" error={errorFor("title")} wide>
              {(aria) => (
                <input
                  type="text"
                  defaultValue={typed("title", "Fix a failing RAG workflow")}
                  {...aria}
                  {...register("title")}
                />
              )}
            </Field>
            <Field label="Instructions" error={errorFor("instructions")} wide>
              {(aria) => (
                <textarea
                  rows={9}
                  defaultValue={typed("instructions", instructions)}
                  {...aria}
                  {...register("instructions")}
                />
              )}
            </Field>
            <Field label="Materials link" error={errorFor("materialsUrl")}>
              {(aria) => (
                <input
                  type="text"
                  inputMode="url"
                  defaultValue={typed("materialsUrl", "")}
                  {...aria}
                  {...register("materialsUrl")}
                />
              )}
            </Field>
            <Field label="Time box (hours)" error={errorFor("timeBoxHours")}>
              {(aria) => (
                <input
                  type="number"
                  min={1}
                  max={40}
                  defaultValue={typed("timeBoxHours", "4")}
                  {...aria}
                  {...register("timeBoxHours")}
                />
              )}
            </Field>
            <Field label="Due date" error={errorFor("dueOn")}>
              {(aria) => <input type="date" defaultValue={typed("dueOn", due)} {...aria} {...register("dueOn")} />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Pay</legend>
          <div className="fields">
            <label className="checks">
              <input type="checkbox" value="on" defaultChecked={ticked("paid", "on", true)} {...group("paid")} /> Paid
              take-home
            </label>
            <Field label="Amount" error={errorFor("amount")}>
              {(aria) => (
                <input
                  type="text"
                  inputMode="numeric"
                  defaultValue={typed("amount", "400")}
                  {...aria}
                  {...register("amount")}
                />
              )}
            </Field>
            <SelectField
              label="Currency"
              name="currency"
              options={labelled(currencies)}
              defaultValue={typed("currency", "USD")}
              register={register}
              error={errorFor("currency")}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Grading</legend>
          <label className="checks">
            <input
              type="checkbox"
              value="on"
              defaultChecked={ticked("anonymous", "on", true)}
              {...group("anonymous")}
            />{" "}
            Anonymous grading: graders see an alias, never the name, email, agency, links or pay, until every grader has
            submitted
          </label>
          <p className="small muted" id="blind-graders">
            Anonymous graders must not have met or handled the candidate: whoever manages a role they applied to,
            interviewed them, added them, moved them between stages or handled their checks knows who they are.
          </p>
          <div className="checks grader-picks" role="group" aria-label="Graders" aria-describedby="blind-graders">
            {team.map((t) => (
              <label key={t.userId}>
                <input
                  type="checkbox"
                  value={String(t.userId)}
                  defaultChecked={ticked("graderIds", String(t.userId), false)}
                  {...group("graderIds")}
                />{" "}
                {t.name}
                {t.cannotGradeBlind ? (
                  <span className="small flag"> Cannot grade anonymously: {t.cannotGradeBlind}</span>
                ) : null}
              </label>
            ))}
          </div>
          <GroupError error={errorFor("graderIds")} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Assign take-home
          </button>
        </div>
      </Form>
    </>
  );
}
