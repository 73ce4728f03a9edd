import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RoleForm, roleToDefaults } from "~/components/role-form";
import { PageHeader } from "~/components/ui";
import { getRole, getRoleTeam, updateRole } from "~/models/role.server";
import { listTeamMemberOptions } from "~/models/user.server";
import { roleArrayFields, versionSchema } from "~/schemas/role";
import { parseRoleForm } from "~/schemas/role.server";
import { invalid } from "~/utils/forms.server";
import { authorizeUser } from "~/utils/authorize.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.role.title ?? "role"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/roles.$roleId.edit", "loader");
  const role = getRole(Number(args.params.roleId));
  if (!role) throw new Response("Role not found", { status: 404 });
  const team = getRoleTeam(role.id);
  return {
    role: { id: role.id, title: role.title, version: role.version },
    defaults: roleToDefaults(role, team),
    today: new Date().toISOString().slice(0, 10),
    teamCandidates: listTeamMemberOptions(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/roles.$roleId.edit", "action");
  const roleId = Number(args.params.roleId);
  const formData = await args.request.formData();
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success)
    return invalid(
      formData,
      { fieldErrors: {}, formError: "This form is out of date. Reload the page and try again." },
      { arrayFields: roleArrayFields },
    );
  const parsed = parseRoleForm(formData, user);
  if (!parsed.ok) return invalid(formData, parsed, { arrayFields: roleArrayFields });

  const result = updateRole({ id: roleId, version: version.data, values: parsed.data, actorId: user.id });
  if (!result.ok && result.reason === "not-found") throw new Response("Role not found", { status: 404 });
  if (!result.ok) {
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError:
          "Someone else saved this role after you opened it, so your changes were not saved. Your edits are still in the form: copy what you need, reload the page to see their version, and apply your changes again.",
      },
      { arrayFields: roleArrayFields, status: 409 },
    );
  }
  return redirect(`/roles/${roleId}?saved=updated`);
}

export default function EditRole() {
  const { role, defaults, teamCandidates, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${role.title}`}
        actions={
          <Link to={`/roles/${role.id}`} className="btn">
            Cancel
          </Link>
        }
      />
      <RoleForm
        defaults={defaults}
        teamCandidates={teamCandidates}
        serverErrors={actionData?.fieldErrors}
        submitted={actionData?.values}
        formError={actionData?.formError}
        today={today}
        submitLabel="Save changes"
        version={role.version}
      />
    </>
  );
}
