import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm, type ValidatedForm } from "~/components/form";
import { Notice, PageHeader } from "~/components/ui";
import { templateStamp, type TemplateArea } from "~/domain/scorecard";
import { getRole } from "~/models/role.server";
import { getCurrentTemplate, saveTemplate } from "~/models/template.server";
import { templateSchema } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Scorecard template · AI Talent Scorecards" }];

function load(roleId: number) {
  const role = getRole(roleId);
  if (!role) throw new Response("Role not found", { status: 404 });
  return { role, template: getCurrentTemplate(roleId) };
}

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/roles.$roleId.template", "loader");
  const { role, template } = load(Number(args.params.roleId));
  return {
    role: { id: role.id, title: role.title, blindFeedback: role.blindFeedback },
    template,
    stamp: templateStamp(template.areas, role.blindFeedback),
  };
}

function slug(name: string, taken: string[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
      .slice(0, 40) || "area";
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/roles.$roleId.template", "action");
  const formData = await args.request.formData();
  // Read after the body: nothing else runs between this and the save below.
  const { role, template } = load(Number(args.params.roleId));
  // Stale first: the form is checked against the areas it was opened with, which may no longer be the template's.
  if (
    formData.get("templateVersion") !== String(template.version) ||
    formData.get("templateStamp") !== templateStamp(template.areas, role.blindFeedback)
  ) {
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError: `Someone saved this scorecard (version ${template.version}) after you opened it; nothing was saved. Your edits are still in the form: copy what you need, then reload to see it.`,
      },
      { status: 409 },
    );
  }
  const parsed = parseFormData(templateSchema(template.areas.map((a) => a.key)), formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const v = parsed.data as Record<string, unknown>;
  const areas: TemplateArea[] = template.areas.flatMap((area) =>
    v[`drop_${area.key}`]
      ? []
      : [
          {
            ...area,
            name: String(v[`name_${area.key}`]),
            weight: Number(v[`weight_${area.key}`]),
            knockout: Boolean(v[`knockout_${area.key}`]),
            strong: String(v[`strong_${area.key}`] ?? "").trim(),
            weak: String(v[`weak_${area.key}`] ?? "").trim(),
          },
        ],
  );
  if (v.newName) {
    areas.push({
      key: slug(
        String(v.newName),
        areas.map((a) => a.key),
      ),
      name: String(v.newName),
      weight: (v.newWeight as number | null) ?? 1,
      knockout: Boolean(v.newKnockout),
      strong: String(v.newStrong ?? ""),
      weak: String(v.newWeak ?? ""),
      signals: [],
    });
  }
  const result = saveTemplate({ roleId: role.id, areas, blindFeedback: Boolean(v.blindFeedback), actorId: user.id });
  return redirect(`/roles/${role.id}/template?saved=${result.created ? `v${result.version}` : "updated"}`);
}

export default function TemplateEditor() {
  const { role, template, stamp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const form = useValidatedForm(templateSchema(template.areas.map((a) => a.key)), {
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  const { formRef, group, onSubmit, typed, ticked, summary } = form;
  return (
    <>
      <PageHeader
        title={`Scorecard for ${role.title}`}
        subtitle={`Version ${template.version}${template.id === null ? " (the default, not yet saved)" : ""}. Once any scorecard uses a version, changes create a new one; every scorecard keeps the version it was filled against.`}
        actions={
          <Link to={`/roles/${role.id}`} className="btn">
            Back to role
          </Link>
        }
      />
      {saved ? (
        <Notice>{saved === "updated" ? "Template updated." : `Saved as version ${saved.slice(1)}.`}</Notice>
      ) : null}
      <FormError error={actionData?.formError} summary={summary} />
      <Form
        method="post"
        ref={formRef}
        onSubmit={onSubmit}
        className="stack"
        noValidate
        aria-label="Scorecard template"
      >
        <input type="hidden" name="templateVersion" value={typed("templateVersion", String(template.version))} />
        <input type="hidden" name="templateStamp" value={typed("templateStamp", stamp)} />
        <fieldset>
          <legend>Feedback</legend>
          <label className="checks">
            <input
              type="checkbox"
              value="on"
              defaultChecked={ticked("blindFeedback", "on", role.blindFeedback)}
              {...group("blindFeedback")}
            />{" "}
            Blind feedback: interviewers see the panel&rsquo;s scorecards only after submitting their own
          </label>
        </fieldset>
        {template.areas.map((a, i) => (
          <AreaFieldset key={a.key} area={a} index={i} form={form} />
        ))}
        <NewAreaFieldset form={form} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Save scorecard
          </button>
        </div>
      </Form>
    </>
  );
}

/** One area of the template: its name, weight, must-pass flag, guidance, or dropping it. */
function AreaFieldset({ area: a, index: i, form }: { area: TemplateArea; index: number; form: ValidatedForm }) {
  const { register, group, errorFor, typed, ticked } = form;
  return (
    <fieldset className="area">
      <legend>{a.name}</legend>
      <div className="fields">
        <Field label={`Area ${i + 1} name`} error={errorFor(`name_${a.key}`)}>
          {(aria) => (
            <input type="text" defaultValue={typed(`name_${a.key}`, a.name)} {...aria} {...register(`name_${a.key}`)} />
          )}
        </Field>
        <Field
          label={`${a.name} weight`}
          hint="0 to 5; 0 leaves it out of the total"
          error={errorFor(`weight_${a.key}`)}
        >
          {(aria) => (
            <input
              type="number"
              min={0}
              max={5}
              defaultValue={typed(`weight_${a.key}`, String(a.weight))}
              {...aria}
              {...register(`weight_${a.key}`)}
            />
          )}
        </Field>
        <div className="checks">
          <label>
            <input
              type="checkbox"
              value="on"
              defaultChecked={ticked(`knockout_${a.key}`, "on", a.knockout)}
              {...group(`knockout_${a.key}`)}
            />{" "}
            Must pass (knock-out flag)
          </label>
          <label>
            <input
              type="checkbox"
              value="on"
              defaultChecked={ticked(`drop_${a.key}`, "on", false)}
              {...group(`drop_${a.key}`)}
            />{" "}
            Drop this area
          </label>
        </div>
        <Field label={`${a.name}: strong evidence`} error={errorFor(`strong_${a.key}`)} wide>
          {(aria) => (
            <textarea
              rows={2}
              defaultValue={typed(`strong_${a.key}`, a.strong)}
              {...aria}
              {...register(`strong_${a.key}`)}
            />
          )}
        </Field>
        <Field label={`${a.name}: weak signal`} error={errorFor(`weak_${a.key}`)} wide>
          {(aria) => (
            <textarea rows={2} defaultValue={typed(`weak_${a.key}`, a.weak)} {...aria} {...register(`weak_${a.key}`)} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

/** A new area to add to the template. */
function NewAreaFieldset({ form }: { form: ValidatedForm }) {
  const { register, group, errorFor, typed, ticked } = form;
  return (
    <fieldset>
      <legend>Add an area</legend>
      <div className="fields">
        <Field label="New area name" error={errorFor("newName")}>
          {(aria) => <input type="text" defaultValue={typed("newName", "")} {...aria} {...register("newName")} />}
        </Field>
        <Field label="New area weight" error={errorFor("newWeight")}>
          {(aria) => (
            <input
              type="number"
              min={0}
              max={5}
              defaultValue={typed("newWeight", "1")}
              {...aria}
              {...register("newWeight")}
            />
          )}
        </Field>
        <div className="checks">
          <label>
            <input
              type="checkbox"
              value="on"
              defaultChecked={ticked("newKnockout", "on", false)}
              {...group("newKnockout")}
            />{" "}
            Must pass
          </label>
        </div>
        <Field label="New area: strong evidence" error={errorFor("newStrong")} wide>
          {(aria) => <textarea rows={2} defaultValue={typed("newStrong", "")} {...aria} {...register("newStrong")} />}
        </Field>
        <Field label="New area: weak signal" error={errorFor("newWeak")} wide>
          {(aria) => <textarea rows={2} defaultValue={typed("newWeak", "")} {...aria} {...register("newWeak")} />}
        </Field>
      </div>
    </fieldset>
  );
}
