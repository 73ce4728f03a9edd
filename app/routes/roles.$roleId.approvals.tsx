import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, GroupError, useValidatedForm, type ValidatedForm } from "~/components/form";
import { Notice, PageHeader } from "~/components/ui";
import { userKindLabels } from "~/domain/reference";
import { getChainSettings, getChainSummary, listPayViewers, saveChain } from "~/models/offer.server";
import { getRole } from "~/models/role.server";
import { approvalChainSchema } from "~/schemas/offer";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Offer approvers · AI Talent Scorecards" }];

const ROUTE = "routes/roles.$roleId.approvals";
const arrayFields = ["approverIds"] as const;

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, ROUTE, "loader");
  const role = getRole(Number(args.params.roleId));
  if (!role) throw new Response("Role not found", { status: 404 });
  return {
    role: { id: role.id, title: role.title },
    people: listPayViewers(role.id),
    settings: getChainSettings(role.id),
    summary: getChainSummary(role.id),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, ROUTE, "action");
  const roleId = Number(args.params.roleId);
  if (!getRole(roleId)) throw new Response("Role not found", { status: 404 });
  const formData = await args.request.formData();
  const parsed = parseFormData(approvalChainSchema, formData, arrayFields);
  if (!parsed.ok)
    return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { arrayFields });
  const result = saveChain({
    roleId,
    approverIds: parsed.data.approverIds,
    required: parsed.data.required,
    version: parsed.data.version,
    actorId: user.id,
  });
  if (!result.ok && result.reason === "conflict") {
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError:
          "Someone else changed the approvers after you opened the page; nothing was saved. Reload and choose again.",
      },
      { status: 409, arrayFields },
    );
  }
  if (!result.ok)
    return invalid(
      formData,
      { fieldErrors: { approverIds: ["Approvers must be people who may see this role's pay"] }, formError: null },
      { arrayFields },
    );
  return redirect(`/roles/${roleId}/approvals?saved=1`);
}

export default function RoleApprovals() {
  const { role, people, settings, summary } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const form = useValidatedForm(approvalChainSchema, {
    arrayFields,
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  const { formRef, onSubmit, typed, summary: problems } = form;
  return (
    <>
      <PageHeader
        title={`Offer approvers: ${role.title}`}
        subtitle={`Now: ${summary.rule}.`}
        actions={
          <Link to={`/roles/${role.id}`} className="btn">
            Back to role
          </Link>
        }
      />
      {params.get("saved") && !actionData ? (
        <Notice>Approvers saved. Offers waiting for approval now follow this rule.</Notice>
      ) : null}
      <FormError error={actionData?.formError} summary={problems} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Offer approvers">
        <input
          type="hidden"
          name="version"
          value={typed("version", settings.version === null ? "" : String(settings.version))}
        />
        <ApproverFieldsets form={form} people={people} settings={settings} />
        <p className="hint">
          A decline by any approver holds the offer until its terms are edited or they approve after all.
        </p>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Save approvers
          </button>
        </div>
      </Form>
    </>
  );
}

/** Who approves the role's offers, and how many of them must. */
function ApproverFieldsets({
  form,
  people,
  settings,
}: { form: ValidatedForm } & Pick<SerializeFrom<typeof loader>, "people" | "settings">) {
  const { register, group, groupAria, errorIdFor, errorFor, typed, ticked } = form;
  const chosen = new Set(settings.chosenIds);
  const rule = typed("rule", settings.required === null ? "all" : "some");
  return (
    <>
      <fieldset aria-describedby={errorFor("approverIds") ? errorIdFor("approverIds") : undefined}>
        <legend>Approvers</legend>
        <p className="fieldset-intro">
          Anyone who may see this role&rsquo;s pay: its hiring managers, HR and admins. With nobody chosen, an offer
          needs one approval from any of them other than the person who wrote it, so pay never goes out on one
          person&rsquo;s word.
        </p>
        <ul className="plain">
          {people.map((p) => (
            <li key={p.id}>
              <label>
                <input
                  type="checkbox"
                  value={String(p.id)}
                  defaultChecked={ticked("approverIds", String(p.id), chosen.has(p.id))}
                  {...group("approverIds")}
                />{" "}
                {p.name} <span className="muted small">{userKindLabels[p.kind]}</span>
              </label>
            </li>
          ))}
        </ul>
        <GroupError error={errorFor("approverIds")} id={errorIdFor("approverIds")} />
      </fieldset>
      <fieldset {...groupAria("rule")}>
        <legend>How many must approve</legend>
        <div className="radio-row">
          <label>
            <input type="radio" value="all" defaultChecked={rule === "all"} {...group("rule")} /> All of them
          </label>
          <label>
            <input type="radio" value="some" defaultChecked={rule === "some"} {...group("rule")} /> Some of them
          </label>
        </div>
        <GroupError error={errorFor("rule")} id={errorIdFor("rule")} />
        <Field label="Approvals needed (when some of them)" error={errorFor("required")}>
          {(aria) => (
            <input
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              defaultValue={typed("required", settings.required === null ? "" : String(settings.required))}
              {...aria}
              {...register("required")}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}
