import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, useValidatedForm } from "~/components/form";
import { ExerciseFieldset, GradingFieldset, PayFieldset } from "~/components/take-home/assign-fieldsets";
import { PageHeader } from "~/components/ui";
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
  const form = useValidatedForm(takeHomeSchema, {
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
      <FormError error={actionData?.formError} summary={form.summary} />
      <Form
        method="post"
        ref={form.formRef}
        onSubmit={form.onSubmit}
        className="stack"
        noValidate
        aria-label="Assign take-home"
      >
        <ExerciseFieldset form={form} instructions={instructions} due={due} />
        <PayFieldset form={form} />
        <GradingFieldset form={form} team={team} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Assign take-home
          </button>
        </div>
      </Form>
    </>
  );
}
