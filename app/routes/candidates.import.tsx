import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { formatCount, PageHeader } from "~/components/ui";
import { stageLabels } from "~/domain/pipeline";
import { startingStages } from "~/schemas/application";
import { findExistingEmails, importCandidates } from "~/models/candidate.server";
import { getRole, listRoleOptions } from "~/models/role.server";
import { consentSources } from "~/domain/consent";
import { csvColumns, importSchema, MAX_IMPORT_ROWS, type ImportValues } from "~/schemas/candidate";
import { authorizeUser } from "~/utils/authorize.server";
import { checkCandidateCsv, previewRows, type CsvCheck } from "~/utils/candidate-csv.server";
import { parseFormData, type FieldErrors } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Import candidates · AI Talent Scorecards" }];

/** A refused or previewed paste up to this size is sent back into the form; a larger file stays in the browser. */
const ECHO_MAX_CHARS = 100_000;

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.import", "loader");
  // Importers add people to any role (create:application:any): every role, open ones first.
  return { roles: listRoleOptions(user, { managedOnly: false }) };
}

/** What the page says about a refused import, or null. */
function refusalText(intent: ImportValues["intent"], check: CsvCheck, bad: number): string | null {
  const fileProblem = check.fileErrors.length > 0;
  if (intent === "import" && (fileProblem || bad > 0))
    return `Nothing was imported: ${fileProblem ? "the file has problems" : `${bad} ${bad === 1 ? "row has" : "rows have"} errors`}. Fix them and try again, or import the ready rows only.`;
  if (intent === "import-ready" && (fileProblem || bad === check.rows.length))
    return `Nothing was imported: ${fileProblem ? "the file has problems" : "no row is ready"}.`;
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.import", "action");
  const parsed = parseFormData(importSchema, await args.request.formData());
  const refuse = (fieldErrors: FieldErrors, formError: string | null) =>
    data({ fieldErrors, formError, csv: "", check: null }, { status: 400 });
  if (!parsed.ok) return refuse(parsed.fieldErrors, parsed.formError);
  const { intent, csv, roleId, stage } = parsed.data;
  if (roleId !== null && !getRole(roleId)) return refuse({ roleId: ["Choose a role from the list"] }, null);
  const check = checkCandidateCsv(csv, findExistingEmails);
  const bad = check.rows.filter((r) => r.errors.length > 0).length;
  const formError = refusalText(intent, check, bad);
  if (intent === "preview" || intent === "rejected" || formError) {
    return data(
      {
        fieldErrors: {},
        formError,
        // The browser still holds what it sent; only a small paste comes back (for a page without JavaScript).
        csv: csv.length <= ECHO_MAX_CHARS ? csv : null,
        check: { fileErrors: check.fileErrors, ...previewRows(check.rows) },
      },
      // A file with errors answers 400 even for a preview: it cannot go in whole as it is.
      { status: formError || check.fileErrors.length > 0 || bad > 0 ? 400 : 200 },
    );
  }
  const ready = check.rows.filter((r) => r.errors.length === 0);
  const ids = importCandidates(
    ready.map((r) => r.values!),
    user.id,
    { attach: roleId !== null ? { roleId, stage } : null, rejected: bad },
  );
  const landing = new URLSearchParams({ imported: String(ids.length) });
  if (bad) landing.set("skipped", String(bad));
  if (roleId !== null) {
    landing.set("role", String(roleId));
    landing.set("stage", stage);
  }
  return redirect(`/candidates?${landing}`);
}

export default function ImportCandidates() {
  const { roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const { formRef, register, onSubmit, errorFor, summary } = useValidatedForm(importSchema, {
    serverErrors: actionData?.fieldErrors,
  });
  const check = actionData?.check;
  const csvField = register("csv");
  return (
    <>
      <PageHeader
        title="Import candidates"
        subtitle="Preview a CSV, then import it whole, or import the rows that are ready and download the others with what to fix."
        actions={
          <Link to="/candidates" className="btn">
            Back to candidates
          </Link>
        }
      />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="upload">
          <h2 id="upload">Your file</h2>
          <FormError error={actionData?.formError} summary={summary} />
          <Form
            method="post"
            encType="multipart/form-data"
            ref={formRef}
            onSubmit={(event) => {
              // The rejected rows are a file to save, not a page: fetched and saved here, the page stays as it is.
              const submitter = (event.nativeEvent as SubmitEvent).submitter;
              if (submitter instanceof HTMLButtonElement && submitter.value === "rejected") {
                event.preventDefault();
                void downloadRejected(event.currentTarget, submitter);
              } else onSubmit(event);
            }}
            className="stack"
            noValidate
          >
            <div className="field">
              <label htmlFor="csv-file">CSV file</label>
              <input
                id="csv-file"
                type="file"
                accept=".csv,text/csv"
                onChange={async (e) => {
                  const file = e.currentTarget.files?.[0];
                  if (file && textRef.current) textRef.current.value = await file.text();
                }}
              />
            </div>
            <Field
              label="CSV contents"
              hint="Filled from the file you choose, or paste here."
              error={errorFor("csv")}
              wide
            >
              {(aria) => (
                <textarea
                  rows={10}
                  className="mono"
                  defaultValue={actionData?.csv ?? ""}
                  {...aria}
                  {...csvField}
                  ref={(el) => {
                    csvField.ref(el);
                    textRef.current = el;
                  }}
                />
              )}
            </Field>
            <AttachToRole roles={roles} errorFor={errorFor} register={register} />
            <ImportActions check={check ?? null} busy={navigation.state === "submitting"} />
          </Form>
        </section>
        <ImportFormat />
      </div>
      {check ? <ImportPreview check={check} /> : null}
    </>
  );
}

/** Posts the form for its rejected rows and saves the CSV that comes back. */
async function downloadRejected(form: HTMLFormElement, button: HTMLButtonElement) {
  const body = new FormData(form, button);
  const response = await fetch(button.formAction, { method: "post", body });
  if (!response.ok) return window.alert(await response.text());
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = "candidates-rejected.csv";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Form = ReturnType<typeof useValidatedForm>;

/** Optionally, a role everyone imported is added to, and the stage they start at. */
function AttachToRole({
  roles,
  errorFor,
  register,
}: {
  roles: { id: number; title: string }[];
  errorFor: Form["errorFor"];
  register: Form["register"];
}) {
  return (
    <fieldset className="attach-role">
      <legend>Add everyone imported to a role (optional)</legend>
      <Field label="Role" error={errorFor("roleId")}>
        {(aria) => (
          <select defaultValue="" {...aria} {...register("roleId")}>
            <option value="">No role: import them only</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="At stage" error={errorFor("stage")}>
        {(aria) => (
          <select defaultValue="sourced" {...aria} {...register("stage")}>
            {startingStages.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabels[stage]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}

/** Preview first; then import the whole file, or, when some rows have errors, the ready ones and the rejected file. */
function ImportActions({ check, busy }: { check: Preview | null; busy: boolean }) {
  const bad = check?.badCount ?? 0;
  const readable = check !== null && check.fileErrors.length === 0;
  const ready = readable ? check.rowCount - bad : 0;
  const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
  return (
    <div className="actions">
      {readable && bad > 0 && ready > 0 ? (
        <p className="hint">
          Download the rejected rows first: once the ready rows are in, this page moves on to the candidates.
        </p>
      ) : null}
      <button type="submit" name="intent" value="preview" className="btn" disabled={busy}>
        Preview
      </button>
      {readable && bad > 0 ? (
        <>
          <button
            type="submit"
            name="intent"
            value="rejected"
            formAction="/candidates/import.csv"
            className="btn"
            disabled={busy}
          >
            Download the {plural(bad, "rejected row", "rejected rows")} (CSV)
          </button>
          {ready > 0 ? (
            <button type="submit" name="intent" value="import-ready" className="btn btn-primary" disabled={busy}>
              Import the {plural(ready, "ready row", "ready rows")}
            </button>
          ) : null}
        </>
      ) : (
        <button type="submit" name="intent" value="import" className="btn btn-primary" disabled={busy || !readable}>
          Import{readable ? ` ${plural(check.rowCount, "candidate", "candidates")}` : ""}
        </button>
      )}
    </div>
  );
}

function ImportFormat() {
  return (
    <section className="card" aria-labelledby="format">
      <h2 id="format">Format</h2>
      <p className="small">
        UTF-8 (“CSV UTF-8” in spreadsheet apps). First line: column names. <strong>name</strong> and{" "}
        <strong>email</strong> are required; the others are optional. Up to {formatCount(MAX_IMPORT_ROWS)} rows.
      </p>
      <p className="small">
        <a href="/candidates/import.csv" download>
          Download a template
        </a>{" "}
        (the column names, ready to fill in).
      </p>
      <p className="small mono">{csvColumns.join(", ")}</p>
      <p className="small">
        engagement_type: full_time, contractor, freelancer or agency_placed. pay_kind: annual, hourly or fixed. source:
        referral, agency, marketplace, inbound or sourced. skills: separated by semicolons. Dates as YYYY-MM-DD.
        consent_process_* and consent_retain_* (optional): the day given, how ({consentSources.join(", ")}) and the last
        day.
      </p>
    </section>
  );
}

type Preview = {
  fileErrors: string[];
  rowCount: number;
  badCount: number;
  rows: { line: number; name: string; email: string; errors: string[] }[];
};

function ImportPreview({ check }: { check: Preview }) {
  const bad = check.badCount;
  return (
    <section className="card" aria-labelledby="preview">
      <h2 id="preview">Preview</h2>
      {check.fileErrors.length ? (
        <div className="alert alert-bad" role="alert">
          <ul className="reasons">
            {check.fileErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p role="status">
          {check.rowCount} rows read: {check.rowCount - bad} ready, {bad} with errors.
          {check.rows.length < check.rowCount
            ? ` Showing ${check.rows.length}${bad ? ", those with errors first" : ""}.`
            : ""}
        </p>
      )}
      {check.rows.length ? (
        <div className="table-wrap">
          {/* On a narrow screen the email goes under the name, so the problems stay in view. */}
          <table className="narrow-fold">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col" className="wide-only">
                  Email
                </th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {errorsFirst(check.rows).map((r) => (
                <tr key={r.line} className={r.errors.length ? "row-bad" : undefined}>
                  <td>{r.line}</td>
                  <td>
                    {r.name}
                    <span className="narrow-only small muted">{r.email}</span>
                  </td>
                  <td className="wide-only">{r.email}</td>
                  <td>
                    {r.errors.length ? (
                      <ul className="reasons">
                        {r.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">Ready</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Rows with errors first, each group in file order. */
function errorsFirst<T extends { line: number; errors: string[] }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.line - b.line);
}
