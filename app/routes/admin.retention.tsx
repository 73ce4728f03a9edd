// Retention rules (admins): the period candidates with no active application
// are kept after their last activity (never under the minimum), a paged
// preview of who the rule erases today and why, and "Run now", which erases
// exactly that list (the same getRetentionPlan) and logs one entry with counts.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { RetentionPreview, RetentionRuleForm } from "~/components/retention/sections";
import { formatCount, Notice, PageHeader } from "~/components/ui";
import { RETENTION_PAGE_SIZE } from "~/domain/retention";
import {
  getLastScheduledRun,
  getRetentionPlan,
  getRetentionSettings,
  listCandidateNames,
  retentionPlanKey,
  runRetention,
  saveRetentionSettings,
} from "~/models/retention.server";
import { retentionActionSchema } from "~/schemas/retention";
import { authorizeUser } from "~/utils/authorize.server";
import { getEnv } from "~/utils/env.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { RETENTION_JOB } from "~/models/daily-jobs.server";

export const meta: MetaFunction = () => [{ title: "Retention · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.retention", "loader");
  const env = getEnv();
  const now = new Date();
  const settings = getRetentionSettings();
  const plan = getRetentionPlan(now, env.RETENTION_MIN_MONTHS);
  const pageCount = Math.max(1, Math.ceil(plan.due.length / RETENTION_PAGE_SIZE));
  const asked = Number(new URL(args.request.url).searchParams.get("page"));
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pageCount) : 1;
  const rows = plan.due.slice((page - 1) * RETENTION_PAGE_SIZE, page * RETENTION_PAGE_SIZE);
  const names = listCandidateNames(rows.map((r) => r.candidateId));
  const lastRun = getLastScheduledRun(RETENTION_JOB);
  return {
    minMonths: env.RETENTION_MIN_MONTHS,
    schedule: env.RETENTION_SCHEDULE === "on" ? { hour: env.RETENTION_RUN_HOUR } : null,
    auditDays: env.AUDIT_RETENTION_DAYS,
    settings: settings && {
      months: settings.months,
      updatedAt: settings.updatedAt.toISOString(),
      updatedBy: settings.updatedBy,
      version: settings.version,
    },
    lastRun: lastRun && { day: lastRun.day, finished: lastRun.finishedAt !== null, outcome: lastRun.outcome },
    plan: {
      ruleSet: plan.ruleSet,
      due: plan.due.length,
      active: plan.active,
      kept: plan.keptByHoldOrConsent,
      alreadyErased: plan.alreadyErased,
      key: retentionPlanKey(plan),
    },
    rows: rows.map((r) => ({ ...r, name: names.get(r.candidateId) ?? `Candidate #${r.candidateId}` })),
    page,
    pageCount,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/admin.retention", "action");
  const { RETENTION_MIN_MONTHS: minMonths } = getEnv();
  const formData = await args.request.formData();
  const parsed = parseFormData(retentionActionSchema(minMonths), formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const now = new Date();
  if (parsed.data.intent === "save") {
    const saved = saveRetentionSettings({
      months: parsed.data.months,
      version: parsed.data.version,
      actorId: user.id,
      now,
    });
    if (!saved)
      return invalid(
        formData,
        { fieldErrors: {}, formError: "Someone else changed the period meanwhile. Reload to see it." },
        { status: 409 },
      );
    return redirect("/admin/retention?saved=1");
  }
  // Erase exactly the list the admin saw: if it changed since, show it again instead.
  if (retentionPlanKey(getRetentionPlan(now, minMonths)) !== parsed.data.planKey)
    return invalid(
      formData,
      { fieldErrors: {}, formError: "The list changed since you opened it. Look at it again before running." },
      { status: 409 },
    );
  const outcome = runRetention({ actorId: user.id, now, minMonths, trigger: "page" });
  return redirect(`/admin/retention?erased=${outcome.erased}&refused=${outcome.refused}`);
}

function RunNotice() {
  const [params] = useSearchParams();
  if (params.get("saved")) return <Notice>Retention period saved.</Notice>;
  const erased = params.get("erased");
  if (erased === null) return null;
  const refused = Number(params.get("refused") ?? 0);
  return (
    <Notice>
      Retention run: {formatCount(Number(erased))} erased
      {refused ? `, ${formatCount(refused)} not erased (something changed meanwhile)` : ""}.
    </Notice>
  );
}

export default function Retention() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Retention"
        subtitle="How long candidates with no active application are kept, and who the rule erases today."
        actions={
          <Link className="btn" to="/admin/audit?action=retention.run">
            Past runs in the audit log
          </Link>
        }
      />
      <RunNotice />
      <RetentionRuleForm data={data} />
      <RetentionPreview data={data} />
    </>
  );
}
