import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { FormError, useValidatedForm } from "~/components/form";
import {
  FocusAreaPicker,
  InterviewKitPicker,
  PanelPicker,
  TimezoneOffsetInput,
  WhenAndWhat,
} from "~/components/interview-schedule/fieldsets";
import { PageHeader } from "~/components/ui";
import { getApplication } from "~/models/application.server";
import { getRoleTeam } from "~/models/role.server";
import { listAnonymousGraderIds } from "~/models/take-home.server";

import { isTimeZone, zoneAbbreviation } from "~/domain/dates";
import { isOpenStage } from "~/domain/pipeline";
import { scheduleInterview } from "~/models/interview.server";
import { getCurrentTemplate } from "~/models/template.server";
import { interviewArrayFields, kitPrompts, scheduleSchemaFor } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData, type FieldErrors } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Schedule interview · AI Talent Scorecards" }];

function load(applicationId: number) {
  const found = getApplication(applicationId);
  if (!found) throw new Response("Application not found", { status: 404 });
  const team = getRoleTeam(found.role.id).filter((t) => t.active);
  return { found, team, template: getCurrentTemplate(found.role.id) };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId.interviews.new", "loader");
  const { found, team, template } = load(Number(args.params.applicationId));
  const zone = user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : null;
  return {
    /** The scheduler's zone the start is read in (null: the browser's offset), and how the form names it. */
    zone,
    zoneLabel: zone ? `${zone} (${zoneAbbreviation(new Date(), zone)})` : null,
    application: {
      id: found.application.id,
      name: found.candidate?.name ?? found.agency?.name ?? "",
      isAgency: Boolean(found.agency),
    },
    role: found.role,
    team: team.map((t) => ({ userId: t.userId, name: t.name, teamRole: t.teamRole })),
    areas: template.areas.map((a) => ({ key: a.key, name: a.name })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId.interviews.new", "action");
  const applicationId = Number(args.params.applicationId);
  const { found, team, template } = load(applicationId);
  const formData = await args.request.formData();
  const refuse = (fieldErrors: FieldErrors, formError: string | null = null) =>
    invalid(formData, { fieldErrors, formError }, { arrayFields: interviewArrayFields });
  if (!isOpenStage(found.application.stage))
    return refuse({}, "This application is closed; reopen it before scheduling interviews.");
  const zone = user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : null;
  const parsed = parseFormData(scheduleSchemaFor({ zone }), formData, interviewArrayFields);
  if (!parsed.ok) return refuse(parsed.fieldErrors, parsed.formError);
  const v = parsed.data;
  if (!v.panelIds.every((id) => team.some((t) => t.userId === id)))
    return refuse({ panelIds: ["Interviewers must be on this role's hiring team"] });
  const graders = listAnonymousGraderIds(applicationId);
  const conflicted = team.filter((t) => v.panelIds.includes(t.userId) && graders.includes(t.userId));
  if (conflicted.length) {
    return refuse({
      panelIds: [
        `${conflicted.map((t) => t.name).join(", ")} is grading this candidate's take-home anonymously and must not meet them until grading is done`,
      ],
    });
  }
  if (!v.focusAreas.every((k) => template.areas.some((a) => a.key === k)))
    return refuse({ focusAreas: ["Choose areas from the role's scorecard"] });
  const id = scheduleInterview({
    applicationId,
    ...v,
    prompts: v.prompts.filter((p) => kitPrompts.includes(p)),
    actorId: user.id,
  });
  return redirect(`/interviews/${id}?saved=scheduled`);
}

export default function ScheduleInterview() {
  const { application, role, team, areas, zone, zoneLabel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = useMemo(() => scheduleSchemaFor({ zone }), [zone]);
  const form = useValidatedForm(schema, {
    arrayFields: interviewArrayFields,
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  return (
    <>
      <PageHeader
        title={`Schedule an interview with ${application.name}`}
        subtitle={`For ${role.title}`}
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
        aria-label="Schedule interview"
      >
        <TimezoneOffsetInput />
        <WhenAndWhat form={form} isAgency={application.isAgency} zoneLabel={zoneLabel} />
        <PanelPicker form={form} team={team} />
        <FocusAreaPicker form={form} areas={areas} />
        <InterviewKitPicker form={form} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Schedule interview
          </button>
        </div>
      </Form>
    </>
  );
}
