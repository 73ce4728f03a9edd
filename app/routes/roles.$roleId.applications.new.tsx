import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError, useValidatedForm, type ValidatedForm } from "~/components/form";
import { PageHeader } from "~/components/ui";
import { stageLabels } from "~/domain/pipeline";
import { engagementFits, soughtText } from "~/domain/engagement";
import { agencyKindLabels, applicationEngagementLabels } from "~/domain/reference";
import { listAgencyOptions } from "~/models/agency.server";
import { addAgencyBid, addCandidateToRole, listCandidateIdsOnRole } from "~/models/application.server";
import { searchCandidateOptions, getCandidate } from "~/models/candidate.server";
import { getMask } from "~/models/masking.server";
import { getRole } from "~/models/role.server";
import { addApplicationSchema, startingStages } from "~/schemas/application";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData, type FieldErrors } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { FilterForm } from "~/components/filter-form";
import { QuoteFields } from "~/components/quote-fields";
import { holds } from "~/domain/policy";
import { isoDay } from "~/domain/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Add to ${data?.role.title ?? "role"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId.applications.new", "loader");
  const hidden = getMask(user.id).candidateIds;
  const role = getRole(Number(args.params.roleId));
  if (!role) throw new Response("Role not found", { status: 404 });
  const url = new URL(args.request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const requested = Number(url.searchParams.get("candidateId")) || null;
  const chosenId = requested && !hidden.has(requested) ? requested : null;
  const chosen = chosenId ? getCandidate(chosenId) : null;
  // People the viewer grades anonymously are not offered (their name would give the alias away).
  const found = searchCandidateOptions(query).filter((c) => !hidden.has(c.id));
  if (chosen && !found.some((c) => c.id === chosen.id))
    found.unshift({ id: chosen.id, name: chosen.name, email: chosen.email, engagementType: chosen.engagementType });
  // Each person says how they would work, and whether that is what the role seeks, before anyone is added.
  // Someone already on the role stays choosable (a later agency submission of them is still recorded), marked so.
  const already = listCandidateIdsOnRole(
    role.id,
    found.map((c) => c.id),
  );
  const candidates = found.map((c) => ({
    ...c,
    fits: engagementFits(role.engagementModels, c.engagementType),
    onRole: already.has(c.id),
  }));
  return {
    role: { id: role.id, title: role.title, seeks: soughtText(role.engagementModels), currency: role.currency },
    // A bid's quote is pay: its fields are offered only to those who may see pay.
    seesPay: holds(user.kind, "read:pay", teamRole),
    query,
    candidates,
    chosenId: chosen?.id ?? null,
    agencies: listAgencyOptions(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId.applications.new", "action");
  const roleId = Number(args.params.roleId);
  const role = getRole(roleId);
  if (!role) throw new Response("Role not found", { status: 404 });
  const formData = await args.request.formData();
  const refuse = (fieldErrors: FieldErrors, formError: string | null = null) =>
    invalid(formData, { fieldErrors, formError });
  const parsed = parseFormData(addApplicationSchema, formData);
  if (!parsed.ok) return refuse(parsed.fieldErrors, parsed.formError);
  const input = parsed.data;
  const agencies = listAgencyOptions();

  if (input.subject === "agency") {
    if (!agencies.some((a) => a.id === input.agencyId)) return refuse({ agencyId: ["Choose an agency from the list"] });
    if (input.quoteAmount !== null && !holds(user.kind, "read:pay", teamRole))
      return refuse({ quoteAmount: ["Only those who may see pay on this role record a quote"] });
    const quote =
      input.quoteAmount === null
        ? null
        : {
            amount: input.quoteAmount,
            currency: input.quoteCurrency ?? role.currency,
            teamSize: input.quoteTeamSize,
            weeks: input.quoteWeeks,
          };
    const result = addAgencyBid({ roleId, agencyId: input.agencyId, stage: input.stage, actorId: user.id, quote });
    return redirect(`/applications/${result.applicationId}?added=${result.created ? "bid" : "already"}`);
  }

  if (!getCandidate(input.candidateId) || getMask(user.id).candidateIds.has(input.candidateId)) {
    return refuse({ candidateId: ["Choose a candidate from the list"] });
  }
  let submission = null;
  if (input.submittedByAgencyId !== null) {
    const agency = agencies.find((a) => a.id === input.submittedByAgencyId);
    if (!agency) return refuse({ submittedByAgencyId: ["Choose an agency from the list"] });
    if (input.submittedByContactId !== null && !agency.contacts.some((c) => c.id === input.submittedByContactId)) {
      return refuse({ submittedByContactId: [`Choose a contact at ${agency.name}`] });
    }
    const today = isoDay(new Date());
    if (input.submittedOn && input.submittedOn > today) {
      return refuse({ submittedOn: ["A submission date cannot be in the future"] });
    }
    submission = {
      agencyId: agency.id,
      contactId: input.submittedByContactId,
      submittedAt: input.submittedOn ? new Date(`${input.submittedOn}T12:00:00Z`) : new Date(),
    };
  } else if (input.submittedByContactId !== null) {
    return refuse({ submittedByAgencyId: ["Choose the agency this contact works for"] });
  }
  const result = addCandidateToRole({
    roleId,
    candidateId: input.candidateId,
    stage: input.stage,
    submission,
    actorId: user.id,
  });
  const flag =
    result.submission && !result.submission.counts
      ? `duplicate-${result.submission.duplicateOf}`
      : result.created
        ? "added"
        : "already";
  return redirect(`/applications/${result.applicationId}?added=${flag}`);
}

export default function AddApplication() {
  const { role, query, candidates, chosenId, agencies, seesPay } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useValidatedForm(addApplicationSchema, {
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  const { formRef, register, onSubmit, errorFor, typed, summary } = form;
  const subject = typed("subject", "candidate") === "agency" ? "agency" : "candidate";
  // Without JavaScript every agency's contacts are offered, grouped by agency (the server checks the pair);
  // once the page runs, only the chosen agency's. Options are out of sight until the list opens, so nothing jumps.
  const [submitter, setSubmitter] = useState<string | null>(null);
  useEffect(() => {
    const chosen = formRef.current?.elements.namedItem("submittedByAgencyId");
    setSubmitter(chosen instanceof HTMLSelectElement ? chosen.value : "");
  }, [formRef]);
  return (
    <>
      <PageHeader
        title={`Add to ${role.title}`}
        subtitle="Put a candidate into this role's pipeline, or record an agency bidding for the work as a team."
        actions={
          <Link to={`/roles/${role.id}`} className="btn">
            Back to role
          </Link>
        }
      />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="who">
          <h2 id="who">Who</h2>
          <FormError error={actionData?.formError} summary={summary} />
          {/* Which fields show follows the ticked "Add" choice in CSS (add-subject), so it works without JavaScript too. */}
          <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack add-subject" noValidate>
            <fieldset className="question">
              <legend>Add</legend>
              <div className="radio-row">
                <label>
                  <input type="radio" name="subject" value="candidate" defaultChecked={subject === "candidate"} /> A
                  candidate
                </label>
                <label>
                  <input type="radio" name="subject" value="agency" defaultChecked={subject === "agency"} /> An agency
                  bidding as a team
                </label>
              </div>
            </fieldset>
            <div className="stack for-candidate">
              <CandidatePicker
                form={form}
                seeks={role.seeks}
                query={query}
                candidates={candidates}
                chosenId={chosenId}
              />
              <SubmittedByFieldset form={form} agencies={agencies} submitter={submitter} onAgency={setSubmitter} />
            </div>
            <AgencyBidFields form={form} agencies={agencies} seesPay={seesPay} currency={role.currency} />
            <Field label="Starting stage" error={errorFor("stage")}>
              {(aria) => (
                <select defaultValue={typed("stage", "sourced")} {...aria} {...register("stage")}>
                  {startingStages.map((s) => (
                    <option key={s} value={s}>
                      {stageLabels[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
                Add to pipeline
              </button>
            </div>
          </Form>
        </section>
        <FindCandidate query={query} roleId={role.id} />
      </div>
    </>
  );
}

/** The agency bidding as a team and, for those who may see pay, its quote: price, currency, team and weeks. */
function AgencyBidFields({
  form,
  agencies,
  seesPay,
  currency,
}: {
  form: ValidatedForm;
  agencies: AgencyChoice[];
  seesPay: boolean;
  currency: string;
}) {
  const { register, errorFor, typed } = form;
  return (
    <div className="stack for-agency">
      <Field label="Bidding agency" error={errorFor("agencyId")}>
        {(aria) => (
          <select defaultValue={typed("agencyId", "")} {...aria} {...register("agencyId")}>
            <option value="">Choose…</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({agencyKindLabels[a.kind]})
              </option>
            ))}
          </select>
        )}
      </Field>
      {seesPay ? (
        <fieldset className="subgroup">
          <legend>Their quote</legend>
          <p className="hint">
            Leave it blank until they quote. The bid is costed at this price for this team and duration; a quote in
            another currency than the role&rsquo;s ({currency}) is shown but not priced.
          </p>
          <QuoteFields form={form} roleCurrency={currency} />
        </fieldset>
      ) : null}
    </div>
  );
}

type AgencyChoice = SerializeFrom<typeof loader>["agencies"][number];

type Choice = {
  id: number;
  name: string;
  email: string;
  engagementType: keyof typeof applicationEngagementLabels;
  fits: boolean;
  onRole: boolean;
};

/** Those the role seeks first, then the others, then those already in its pipeline; no headings when all are alike. */
function pickerGroups(people: Choice[]): { label: string | null; people: Choice[] }[] {
  const groups = [
    { label: "What this role seeks", people: people.filter((c) => c.fits && !c.onRole) },
    { label: "Not what this role seeks", people: people.filter((c) => !c.fits && !c.onRole) },
    { label: "Already in this role's pipeline", people: people.filter((c) => c.onRole) },
  ].filter((g) => g.people.length > 0);
  return groups.length === 1 && groups[0].label === "What this role seeks" ? [{ label: null, people }] : groups;
}

function CandidateOption(c: Choice) {
  return (
    <option value={c.id}>
      {c.name} ({c.email}) · {applicationEngagementLabels[c.engagementType]}
    </option>
  );
}

/** The candidate to add: those the role seeks first; says what the list shows. */
function CandidatePicker({
  form,
  seeks,
  query,
  candidates,
  chosenId,
}: {
  form: ValidatedForm;
  seeks: string | null;
  query: string;
  candidates: Choice[];
  chosenId: number | null;
}) {
  const { register, errorFor, typed } = form;
  return (
    <Field
      label="Candidate"
      error={errorFor("candidateId")}
      hint={
        [
          seeks ? `This role seeks ${seeks}.` : null,
          query
            ? `Showing matches for “${query}”.`
            : candidates.length >= 50
              ? "Showing the first 50 by name; search on the right to find others."
              : null,
        ]
          .filter(Boolean)
          .join(" ") || undefined
      }
    >
      {(aria) => (
        <select
          defaultValue={typed("candidateId", chosenId ? String(chosenId) : "")}
          {...aria}
          {...register("candidateId")}
        >
          <option value="">Choose…</option>
          {pickerGroups(candidates).map((g) =>
            g.label === null ? (
              g.people.map((c) => <CandidateOption key={c.id} {...c} />)
            ) : (
              <optgroup key={g.label} label={g.label}>
                {g.people.map((c) => (
                  <CandidateOption key={c.id} {...c} />
                ))}
              </optgroup>
            ),
          )}
        </select>
      )}
    </Field>
  );
}

/** Which agency (and contact) submitted the candidate, and when: the first submission to a role counts. */
function SubmittedByFieldset({
  form,
  agencies,
  submitter,
  onAgency,
}: {
  form: ValidatedForm;
  agencies: AgencyChoice[];
  submitter: string | null;
  onAgency: (agencyId: string) => void;
}) {
  const { register, errorFor, typed } = form;
  return (
    <fieldset className="subgroup">
      <legend>Submitted by an agency?</legend>
      <p className="hint">
        The first submission of a person to a role counts; later ones are recorded and flagged as duplicates.
      </p>
      <div className="fields">
        <Field label="Agency" error={errorFor("submittedByAgencyId")}>
          {(aria) => (
            <select
              defaultValue={typed("submittedByAgencyId", "")}
              {...aria}
              {...register("submittedByAgencyId", { onChange: (e) => onAgency(e.target.value) })}
            >
              <option value="">No agency (direct)</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Agency contact" error={errorFor("submittedByContactId")}>
          {(aria) => (
            <select defaultValue={typed("submittedByContactId", "")} {...aria} {...register("submittedByContactId")}>
              <option value="">Not recorded</option>
              {agencies
                .filter((a) => submitter === null || String(a.id) === submitter)
                .map((a) => (
                  <optgroup key={a.id} label={a.name}>
                    {a.contacts.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          )}
        </Field>
        <Field label="Submitted on" error={errorFor("submittedOn")}>
          {(aria) => (
            <input type="date" defaultValue={typed("submittedOn", "")} {...aria} {...register("submittedOn")} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

/** Search for a candidate on file, or add a new one and come back with them chosen. */
function FindCandidate({ query, roleId }: { query: string; roleId: number }) {
  return (
    <section className="card" aria-labelledby="find">
      <h2 id="find">Find a candidate</h2>
      <FilterForm values={{ q: query }} className="search" role="search">
        <label htmlFor="q" className="visually-hidden">
          Search candidates by name or email
        </label>
        <input id="q" type="search" name="q" defaultValue={query} placeholder="Name or email" />
        <button type="submit" className="btn">
          Search
        </button>
      </FilterForm>
      <p className="small">
        Not on file yet? <Link to={`/candidates/new?roleId=${roleId}`}>Add a new candidate</Link> and you will come back
        here with them chosen.
      </p>
    </section>
  );
}
