import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RoleForm } from "~/components/role-form";
import { PageHeader } from "~/components/ui";
import { createRole } from "~/models/role.server";
import { listTeamMemberOptions } from "~/models/user.server";
import { roleArrayFields } from "~/schemas/role";
import { parseRoleForm } from "~/schemas/role.server";
import { invalid } from "~/utils/forms.server";
import { authorizeUser } from "~/utils/authorize.server";

export const meta: MetaFunction = () => [{ title: "New role · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/roles.new", "loader");
  return {
    today: new Date().toISOString().slice(0, 10),
    teamCandidates: listTeamMemberOptions(),
    defaults: {
      status: "draft",
      headcount: "1",
      currency: "USD",
      hiringManagerIds: user.kind === "hiring_manager" ? [String(user.id)] : [],
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/roles.new", "action");
  const formData = await args.request.formData();
  const parsed = parseRoleForm(formData, user);
  if (!parsed.ok) return invalid(formData, parsed, { arrayFields: roleArrayFields });
  const id = createRole({ values: parsed.data, createdById: user.id });
  return redirect(`/roles/${id}?saved=created`);
}

export default function NewRole() {
  const { teamCandidates, defaults, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="New role"
        actions={
          <Link to="/roles" className="btn">
            Cancel
          </Link>
        }
        subtitle="Describe the opening, its brief and who is on the hiring team. Only the basics and a hiring manager are required to save a draft."
      />
      <RoleForm
        defaults={defaults}
        teamCandidates={teamCandidates}
        serverErrors={actionData?.fieldErrors}
        submitted={actionData?.values}
        formError={actionData?.formError}
        today={today}
        submitLabel="Create role"
      />
    </>
  );
}
