import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { ExerciseFacts, GraderProgress } from "~/components/take-home/exercise-facts";
import { TakeHomeResult } from "~/components/take-home-result";
import { Notice, PageHeader } from "~/components/ui";
import { isLate, takeHomeResult, takeHomeStatusLabels } from "~/domain/take-home";
import { getApplication } from "~/models/application.server";
import { getTakeHome, updateTakeHome } from "~/models/take-home.server";
import { takeHomeUpdateSchema } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { isoDay } from "~/domain/dates";

export const meta: MetaFunction = () => [{ title: "Take-home · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/take-homes.$takeHomeId._index", "loader");
  const found = getTakeHome(Number(args.params.takeHomeId));
  if (!found) throw new Response("Take-home not found", { status: 404 });
  const { takeHome: t, graders, grades, role, application, revealedBy } = found;
  const app = getApplication(application.id)!;
  const submittedGrades = grades.filter((g) => g.status === "submitted");
  return {
    takeHome: { ...t, revealedBy },
    late: isLate(t),
    subject: app.candidate?.name ?? app.agency?.name ?? "",
    applicationId: application.id,
    role,
    graders: graders.map((g) => ({ ...g, status: grades.find((x) => x.graderId === g.userId)?.status ?? null })),
    result: takeHomeResult(submittedGrades),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/take-homes.$takeHomeId._index", "action");
  const id = Number(args.params.takeHomeId);
  const formData = await args.request.formData();
  const parsed = parseFormData(takeHomeUpdateSchema, formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const v = parsed.data;
  const change =
    v.intent === "submitted"
      ? {
          intent: v.intent,
          submissionUrl: v.submissionUrl,
          submittedAt: v.submittedOn === isoDay(new Date()) ? new Date() : new Date(`${v.submittedOn}T12:00:00Z`),
        }
      : v.intent === "extend"
        ? { intent: v.intent, extendedTo: v.extendedTo, extensionReason: v.extensionReason }
        : { intent: v.intent, waiverReason: v.waiverReason };
  const result = updateTakeHome({ id, version: v.version, change, actorId: user.id });
  if (!result.ok) {
    const formError =
      result.reason === "state"
        ? "That change does not fit this take-home's status any more; nothing was saved."
        : "Someone else changed this take-home after you opened it; nothing was saved. Reload to see it.";
    return invalid(formData, { fieldErrors: {}, formError }, { status: 409 });
  }
  return redirect(`/take-homes/${id}?saved=${v.intent}`);
}

function UpdateForm({
  intent,
  version,
  children,
  label,
}: {
  intent: string;
  version: number;
  children: (f: ReturnType<typeof useValidatedForm>) => React.ReactNode;
  label: string;
}) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // Several forms share the action: a refusal belongs to the one that was sent.
  const mine = actionData?.values?.intent === intent ? actionData : null;
  const f = useValidatedForm(takeHomeUpdateSchema, { serverErrors: mine?.fieldErrors, submitted: mine?.values });
  return (
    <Form method="post" ref={f.formRef} onSubmit={f.onSubmit} className="stack" noValidate aria-label={label}>
      <FormError summary={f.summary} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={f.typed("version", String(version))} />
      {children(f)}
      <div>
        <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
          {label}
        </button>
      </div>
    </Form>
  );
}

function RecordSubmissionForm({ version, today }: { version: number; today: string }) {
  return (
    <UpdateForm intent="submitted" version={version} label="Record submission">
      {(f) => (
        <div className="fields">
          <Field label="Submission link" error={f.errorFor("submissionUrl")}>
            {(aria) => (
              <input
                type="text"
                inputMode="url"
                defaultValue={f.typed("submissionUrl", "")}
                {...aria}
                {...f.register("submissionUrl")}
              />
            )}
          </Field>
          <Field label="Submitted on" error={f.errorFor("submittedOn")}>
            {(aria) => (
              <input
                type="date"
                defaultValue={f.typed("submittedOn", today)}
                {...aria}
                {...f.register("submittedOn")}
              />
            )}
          </Field>
        </div>
      )}
    </UpdateForm>
  );
}

function ExtendForm({ version, open }: { version: number; open: boolean }) {
  return (
    <details open={open}>
      <summary>Grant an extension</summary>
      <UpdateForm intent="extend" version={version} label="Extend">
        {(f) => (
          <div className="fields">
            <Field label="New due date" error={f.errorFor("extendedTo")}>
              {(aria) => (
                <input type="date" defaultValue={f.typed("extendedTo", "")} {...aria} {...f.register("extendedTo")} />
              )}
            </Field>
            <Field label="Reason for the extension" error={f.errorFor("extensionReason")}>
              {(aria) => (
                <input
                  type="text"
                  defaultValue={f.typed("extensionReason", "")}
                  {...aria}
                  {...f.register("extensionReason")}
                />
              )}
            </Field>
          </div>
        )}
      </UpdateForm>
    </details>
  );
}

function WaiveForm({ version, open }: { version: number; open: boolean }) {
  return (
    <details open={open}>
      <summary>Waive the take-home</summary>
      <UpdateForm intent="waive" version={version} label="Waive">
        {(f) => (
          <Field label="Reason for waiving" error={f.errorFor("waiverReason")}>
            {(aria) => (
              <input type="text" defaultValue={f.typed("waiverReason", "")} {...aria} {...f.register("waiverReason")} />
            )}
          </Field>
        )}
      </UpdateForm>
    </details>
  );
}

export default function TakeHomePage() {
  const { takeHome: t, late, subject, applicationId, role, graders, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A refused form inside a closed section opens it, so its message is seen.
  const refusedIntent = actionData?.values?.intent;
  const [params] = useSearchParams();
  const today = isoDay(new Date());
  return (
    <>
      <PageHeader
        title={t.title}
        badge={
          <span className="badge">
            {takeHomeStatusLabels[t.status]}
            {t.submittedAt ? (late ? " · late" : " · on time") : ""}
          </span>
        }
        subtitle={
          <>
            {subject} · <Link to={`/applications/${applicationId}`}>{role.title}</Link>
          </>
        }
      />
      {params.get("saved") ? <Notice>Saved.</Notice> : null}
      <FormError error={actionData?.formError} />
      <div className="grid grid-2">
        <div>
          <ExerciseFacts takeHome={t} />
          <section className="card" aria-labelledby="result">
            <h2 id="result">Result</h2>
            <TakeHomeResult result={result} />
          </section>
        </div>
        <div>
          <GraderProgress graders={graders} />
          {t.status !== "waived" && t.status !== "graded" ? (
            <section className="card" aria-labelledby="update">
              <h2 id="update">Update</h2>
              {t.status === "assigned" ? <RecordSubmissionForm version={t.version} today={today} /> : null}
              {t.status === "assigned" ? <ExtendForm version={t.version} open={refusedIntent === "extend"} /> : null}
              <WaiveForm version={t.version} open={refusedIntent === "waive"} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
