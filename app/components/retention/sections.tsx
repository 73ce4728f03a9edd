// The retention page's sections, typed from its loader: the rule (the period,
// the minimum, the daily run) with its form, and the preview of who the rule
// erases today with "Run now".
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { Pager } from "~/components/pager";
import { formatCount, formatDate } from "~/components/ui";
import { retentionSettingsSchema } from "~/schemas/retention";
import type { FieldErrors, Submitted } from "~/utils/forms";
import type { loader } from "~/routes/admin.retention";
import { Moment } from "~/components/moment";

export type RetentionData = SerializeFrom<typeof loader>;
type Refusal = { fieldErrors?: FieldErrors; formError?: string | null; values?: Submitted } | undefined;

const pad = (n: number) => String(n).padStart(2, "0");

export function RetentionRuleForm({ data }: { data: RetentionData }) {
  const answer = useActionData() as Refusal;
  const saving = answer?.values?.intent === "save";
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(
    retentionSettingsSchema(data.minMonths),
    { serverErrors: saving ? answer?.fieldErrors : null, submitted: saving ? answer?.values : null },
  );
  return (
    <section className="card" aria-labelledby="rule">
      <h2 id="rule">The rule</h2>
      <p className="small">
        Candidates with no active application (no open stage, no offer in play) are kept for the period after their last
        activity, and never less than the minimum of <strong>{data.minMonths} months</strong>. A legal hold or a consent
        to be kept on file that ends later keeps them longer: the later date wins.
      </p>
      <p className="small">
        {data.settings ? (
          <>
            Period: {data.settings.months} months, set <Moment at={data.settings.updatedAt} dateOnly />
            {data.settings.updatedBy ? ` by ${data.settings.updatedBy}` : ""}.
          </>
        ) : (
          "No period set yet: the rule erases no one until one is."
        )}{" "}
        {data.schedule
          ? `It runs daily at ${pad(data.schedule.hour)}:00 server time${
              data.lastRun ? `; last run ${formatDate(data.lastRun.day)}` : ""
            }.`
          : "The daily run is off (RETENTION_SCHEDULE=off)."}{" "}
        Audit entries are kept {formatCount(data.auditDays)} days.
      </p>
      <FormError error={saving ? answer?.formError : null} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Retention period">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={data.settings?.version ?? 0} />
        <Field label="Keep for (months)" hint={`At least ${data.minMonths}`} error={errorFor("months")}>
          {(aria) => (
            <input
              className="retention-months"
              type="text"
              inputMode="numeric"
              defaultValue={typed("months", data.settings ? String(data.settings.months) : "")}
              {...aria}
              {...register("months")}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Save period
          </button>
        </div>
      </Form>
    </section>
  );
}

export function RetentionPreview({ data }: { data: RetentionData }) {
  const answer = useActionData() as Refusal;
  const navigation = useNavigation();
  const { plan } = data;
  return (
    <section className="card" aria-labelledby="preview">
      <h2 id="preview">Who the rule erases today</h2>
      <p className="small">
        {formatCount(plan.due)} to erase · {formatCount(plan.active)} kept while an application is active ·{" "}
        {formatCount(plan.kept)} kept by a hold or consent · {formatCount(plan.alreadyErased)} already erased
      </p>
      {answer?.values?.intent === "run" ? <FormError error={answer.formError} /> : null}
      {plan.due === 0 ? (
        <p className="muted">{plan.ruleSet ? "No one is due." : "Set a period to see who is due."}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Last activity</th>
                  <th scope="col">Keep until</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.candidateId}>
                    <td>
                      <Link to={`/candidates/${r.candidateId}`}>{r.name}</Link>
                    </td>
                    <td className="nowrap">{formatDate(r.lastActivity)}</td>
                    <td className="nowrap">{formatDate(r.keepUntil)}</td>
                    <td className="small retention-why">{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={data.page} pageCount={data.pageCount} params={{}} />
          <Form method="post" className="actions retention-run">
            <input type="hidden" name="intent" value="run" />
            <input type="hidden" name="planKey" value={plan.key} />
            <button type="submit" className="btn btn-danger" disabled={navigation.state === "submitting"}>
              Run now: erase {formatCount(plan.due)}
            </button>
            <span className="small muted">Erasure cannot be undone; backups taken before it still hold the data.</span>
          </Form>
        </>
      )}
    </section>
  );
}
