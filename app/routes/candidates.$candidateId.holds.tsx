// A candidate's legal holds (HR and admins): add one with a reason and an end
// date, or end one early. The candidate page posts here; a refused form is
// shown again on this page with its messages, also without JavaScript.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { HoldsSection } from "~/components/candidate/consent-and-holds";
import { PageHeader } from "~/components/ui";
import { isoDay } from "~/domain/dates";
import { getCandidate } from "~/models/candidate.server";
import { addCandidateHold, endCandidateHold, listCandidateHolds } from "~/models/holds.server";
import { holdActionSchema } from "~/schemas/hold";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Legal holds: ${data?.name ?? "candidate"} · AI Talent Scorecards` },
];

function loadCandidate(id: string | undefined) {
  const candidate = getCandidate(Number(id));
  if (!candidate) throw new Response("Candidate not found", { status: 404 });
  return candidate;
}

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/candidates.$candidateId.holds", "loader");
  const candidate = loadCandidate(args.params.candidateId);
  return {
    id: candidate.id,
    name: candidate.name,
    holds: listCandidateHolds(candidate.id),
    today: isoDay(new Date()),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.$candidateId.holds", "action");
  const candidate = loadCandidate(args.params.candidateId);
  const formData = await args.request.formData();
  const parsed = parseFormData(holdActionSchema, formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const now = new Date();
  if (parsed.data.intent === "add") {
    addCandidateHold({
      candidateId: candidate.id,
      reason: parsed.data.reason,
      until: parsed.data.until,
      actorId: user.id,
      now,
    });
    return redirect(`/candidates/${candidate.id}?saved=hold`);
  }
  const ended = endCandidateHold({ candidateId: candidate.id, holdId: parsed.data.holdId, actorId: user.id, now });
  if (!ended)
    return invalid(
      formData,
      { fieldErrors: {}, formError: "That hold has already ended or is not this candidate's." },
      { status: 409 },
    );
  return redirect(`/candidates/${candidate.id}?saved=hold_ended`);
}

export default function CandidateHolds() {
  const { id, name, holds, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const adding = actionData?.values?.intent === "add";
  return (
    <>
      <PageHeader title={`Legal holds: ${name}`} actions={<Link to={`/candidates/${id}`}>Back to {name}</Link>} />
      <HoldsSection
        candidateId={id}
        holds={holds}
        today={today}
        serverErrors={adding ? actionData?.fieldErrors : null}
        submitted={adding ? actionData?.values : null}
        formError={actionData?.formError}
      />
    </>
  );
}
