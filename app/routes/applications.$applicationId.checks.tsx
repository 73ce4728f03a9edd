import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckEditor } from "~/components/check-editor";
import { PageHeader } from "~/components/ui";
import { checkHistoryText, checkStatusLabels, checkTypeLabels, effectiveStatus } from "~/domain/compliance";
import { getApplication } from "~/models/application.server";
import { recordView } from "~/models/audit.server";
import { listApplicationChecks, listCheckHistory, saveCheck } from "~/models/compliance.server";
import { checkFormSchema } from "~/schemas/application";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { isoDay } from "~/domain/dates";
import { Moment } from "~/components/moment";

// The application's compliance checks, one form each. The application page
// embeds the same forms and saves them in place; this page is where a browser
// without JavaScript lands when a save is refused, and HR can open it directly.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Checks: ${data?.subject ?? "application"} · AI Talent Scorecards` },
];

function load(applicationId: number) {
  const found = getApplication(applicationId);
  if (!found) throw new Response("Application not found", { status: 404 });
  return found;
}

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId.checks", "loader");
  const { application, role, candidate, agency } = load(Number(args.params.applicationId));
  const today = isoDay(new Date());
  // Only those who may update compliance reach this page, and they may read findings.
  const listed = listApplicationChecks(
    { applicationId: application.id, candidateId: application.candidateId, agencyId: application.agencyId },
    role.requiredChecks,
    { seesDetail: true },
  );
  const rows = listed.flatMap((l) => (l.row ? [l.row] : []));
  const history = listCheckHistory(rows.map((r) => r.id));
  // Findings are on this page whenever a background check has any: that is a view of them, logged once.
  if (listed.some((l) => l.editable.detail))
    recordView({
      actorId: user.id,
      action: "findings.view",
      subject: { type: "application", id: application.id },
      roleId: role.id,
      applicationId: application.id,
    });
  return {
    applicationId: application.id,
    subject: candidate?.name ?? agency?.name ?? "",
    role: { id: role.id, title: role.title },
    checks: listed.map(({ required, row, editable }) => ({
      required,
      status: effectiveStatus(row, today),
      editable,
      history: row
        ? history
            .filter((h) => h.checkId === row.id)
            .map(({ status, changedAt, changedBy, fields }) => ({
              changedAt,
              changedBy,
              text: checkHistoryText({ status, fields }),
            }))
        : [],
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId.checks", "action");
  const { application } = load(Number(args.params.applicationId));
  const formData = await args.request.formData();
  const parsed = parseFormData(checkFormSchema, formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const result = saveCheck({
    subject: { applicationId: application.id, candidateId: application.candidateId, agencyId: application.agencyId },
    values: parsed.data,
    actorId: user.id,
  });
  if (!result.ok) {
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError: "Someone else updated this check after you opened the page; nothing was saved. Reload to see it.",
      },
      { status: 409 },
    );
  }
  return redirect(`/applications/${application.id}?saved=${parsed.data.type}#checks`);
}

export default function Checks() {
  const { applicationId, subject, role, checks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusedType = actionData?.values?.type;
  return (
    <>
      <PageHeader
        title={`Compliance checks: ${subject}`}
        subtitle={`For ${role.title}. Saving a check returns to the application.`}
        actions={
          <Link to={`/applications/${applicationId}#checks`} className="btn">
            Back to the application
          </Link>
        }
      />
      <section className="card stack" aria-label="Checks">
        {checks.map((c) => (
          <details key={c.editable.type} className="check-row" open={refusedType === c.editable.type}>
            <summary>
              <span className="check-name">{checkTypeLabels[c.editable.type]}</span>{" "}
              {c.required ? <span className="badge">required</span> : null}{" "}
              <span className="small muted">{checkStatusLabels[c.status]}</span>
            </summary>
            <CheckHistory history={c.history} />
            <CheckEditor
              applicationId={applicationId}
              check={c.editable}
              refused={refusedType === c.editable.type ? actionData : null}
            />
          </details>
        ))}
      </section>
    </>
  );
}

/** Who changed the check, when, and which fields (never what they held). */
function CheckHistory({
  history,
}: {
  history: { changedAt: string | Date; changedBy: string | null; text: string }[];
}) {
  if (history.length === 0) return null;
  return (
    <ul className="history small" aria-label="History">
      {history.map((h, i) => (
        <li key={i}>
          <Moment at={h.changedAt} />: {h.changedBy ?? "someone"} {h.text}
        </li>
      ))}
    </ul>
  );
}
