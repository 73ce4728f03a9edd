import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useValidatedForm } from "~/components/form";
import { useAutosavedForm } from "~/components/autosave";
import { GradeForm } from "~/components/take-home/grade-form";
import { SubmissionFacts } from "~/components/take-home/submission-facts";
import { TakeHomeResult } from "~/components/take-home-result";
import { Notice, PageHeader } from "~/components/ui";
import { identityHidden, isLate, takeHomeResult, takeHomeStatusLabels } from "~/domain/take-home";
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

/** Who is being graded, as this grader may know them. */
function gradeSubtitle(
  title: string,
  roleTitle: string,
  who: { alias: string; name: string | null; knownToYou: boolean },
) {
  return `${title} · ${roleTitle}${
    who.knownToYou
      ? ` · not anonymous for you: you manage a role this candidate applied to (others see ${who.alias})`
      : who.name
        ? ` · graded as ${who.alias}`
        : " · anonymous until every grader submits"
  }`;
}

function SavedNotice({ saved }: { saved: string | null }) {
  return saved === "revealed" ? (
    <Notice>Every grader has submitted: identity revealed.</Notice>
  ) : saved ? (
    <Notice>{saved === "submit" ? "Grade submitted." : "Draft saved."}</Notice>
  ) : null;
}

export default function GradePage() {
  const { takeHome: t, who, roleTitle, progress, mine, result, autosave: draftTarget } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const form = useValidatedForm(gradeSchema, { serverErrors: actionData?.fieldErrors, submitted: actionData?.values });
  const locked = mine?.status === "submitted";
  const autosaved = useAutosavedForm({
    formRef: form.formRef,
    draft: draftTarget,
    version: mine?.version ?? null,
    enabled: !locked && t.submitted,
    typed: form.typed,
    onSubmit: form.onSubmit,
  });
  // Submitted (here or in another tab): nothing typed on this device is a draft any more.
  useEffect(() => {
    if (locked) window.localStorage.removeItem(draftTarget.storageKey);
  }, [locked, draftTarget.storageKey]);
  return (
    <>
      <PageHeader
        title={`Grade: ${who.name ?? who.alias}`}
        subtitle={gradeSubtitle(t.title, roleTitle, who)}
        badge={<span className="badge">{takeHomeStatusLabels[t.status as keyof typeof takeHomeStatusLabels]}</span>}
      />
      <SavedNotice saved={params.get("saved")} />
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
            <GradeForm
              form={form}
              autosaved={autosaved}
              mine={mine}
              formError={actionData?.formError}
              signInHref={draftTarget.signInHref}
            />
          ) : (
            <div className="card">No submission has been recorded yet.</div>
          )}
        </div>
        <div>
          <SubmissionFacts takeHome={t} />
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
