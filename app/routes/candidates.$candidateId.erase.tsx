// Erase a candidate (the right to be forgotten): HR or an admin gives a reason
// and types the candidate's name to confirm. Refused, with the reason, while an
// application is open, an offer is in play or a legal hold applies.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { PageHeader } from "~/components/ui";
import { erasureRefusal } from "~/domain/erasure";
import { getCandidate } from "~/models/candidate.server";
import { eraseCandidate, getErasureBlockers } from "~/models/erasure.server";
import { eraseCandidateSchema } from "~/schemas/erasure";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Erase ${data?.name ?? "candidate"} · AI Talent Scorecards` },
];

function loadCandidate(id: string | undefined) {
  const candidate = getCandidate(Number(id));
  if (!candidate) throw new Response("Candidate not found", { status: 404 });
  return candidate;
}

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/candidates.$candidateId.erase", "loader");
  const candidate = loadCandidate(args.params.candidateId);
  const blockers = getErasureBlockers(candidate.id, new Date())!;
  return { id: candidate.id, name: candidate.name, refusal: erasureRefusal(blockers) };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.$candidateId.erase", "action");
  const candidate = loadCandidate(args.params.candidateId);
  const formData = await args.request.formData();
  const parsed = parseFormData(eraseCandidateSchema(candidate.name), formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const result = eraseCandidate({
    candidateId: candidate.id,
    actorId: user.id,
    reason: parsed.data.reason,
    now: new Date(),
  });
  if (!result.ok && result.reason === "not-found") throw new Response("Candidate not found", { status: 404 });
  if (!result.ok) return invalid(formData, { fieldErrors: {}, formError: result.message }, { status: 409 });
  return redirect(`/candidates/${candidate.id}?saved=erased`);
}

export default function EraseCandidate() {
  const { id, name, refusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(eraseCandidateSchema(name), {
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  return (
    <>
      <PageHeader
        title={`Erase ${name}`}
        subtitle="The right to be forgotten: this cannot be undone, and backups taken before it still hold their data."
      />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="goes">
          <h2 id="goes">What goes</h2>
          <ul>
            <li>Their name, email, phone, location, links, notes, skills and pay.</li>
            <li>Compliance evidence and background-check findings; take-home submission links; the agency contact.</li>
            <li>
              Their name, email and phone wherever others wrote them (scorecard evidence and takeaways, stage notes,
              grader notes, decisions, offers), replaced by “[erased]”.
            </li>
          </ul>
          <h2>What stays</h2>
          <ul>
            <li>
              Ratings, recommendations, stage history and decisions, under “Erased candidate #{id}”, so every role’s
              figures are unchanged.
            </li>
            <li>A keyed hash of the email, so a re-application is recognised as one, and an audit entry.</li>
          </ul>
        </section>
        <section className="card" aria-labelledby="confirm">
          <h2 id="confirm">Confirm</h2>
          {refusal ? (
            <p className="form-error" role="alert">
              Cannot erase now. {refusal}
            </p>
          ) : null}
          <FormError error={actionData?.formError} summary={summary} />
          <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
            <Field
              label="Reason"
              error={errorFor("reason")}
              hint="Why, for the record (for example, the request’s date and channel)."
            >
              {(aria) => <textarea rows={3} defaultValue={typed("reason", "")} {...aria} {...register("reason")} />}
            </Field>
            <Field label={`Type “${name}” to confirm`} error={errorFor("confirmName")}>
              {(aria) => (
                <input
                  type="text"
                  autoComplete="off"
                  defaultValue={typed("confirmName", "")}
                  {...aria}
                  {...register("confirmName")}
                />
              )}
            </Field>
            <div className="actions">
              <button
                type="submit"
                className="btn btn-danger"
                disabled={refusal !== null || navigation.state === "submitting"}
              >
                Erase this candidate
              </button>
              <Link to={`/candidates/${id}`}>Cancel</Link>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
