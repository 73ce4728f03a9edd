import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { PageHeader } from "~/components/ui";
import { findExistingEmails, importCandidates } from "~/models/candidate.server";
import { consentSources } from "~/domain/consent";
import { csvColumns, importSchema, MAX_IMPORT_ROWS } from "~/schemas/candidate";
import { authorizeUser } from "~/utils/authorize.server";
import { checkCandidateCsv, previewRows } from "~/utils/candidate-csv.server";
import { parseFormData } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Import candidates · AI Talent Scorecards" }];

/** A refused or previewed paste up to this size is sent back into the form; a larger file stays in the browser. */
const ECHO_MAX_CHARS = 100_000;

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/candidates.import", "loader");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.import", "action");
  const parsed = parseFormData(importSchema, await args.request.formData());
  if (!parsed.ok)
    return data(
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError, csv: "", check: null },
      { status: 400 },
    );
  const { intent, csv } = parsed.data;
  const check = checkCandidateCsv(csv, findExistingEmails);
  const bad = check.rows.filter((r) => r.errors.length > 0).length;
  const failed = check.fileErrors.length > 0 || bad > 0;
  if (intent === "preview" || failed) {
    const formError =
      failed && intent === "import"
        ? `Nothing was imported: ${check.fileErrors.length ? "the file has problems" : `${bad} ${bad === 1 ? "row has" : "rows have"} errors`}. Fix them and try again.`
        : null;
    return data(
      {
        fieldErrors: {},
        formError,
        // The browser still holds what it sent; only a small paste comes back (for a page without JavaScript).
        csv: csv.length <= ECHO_MAX_CHARS ? csv : null,
        check: { fileErrors: check.fileErrors, ...previewRows(check.rows) },
      },
      { status: failed ? 400 : 200 },
    );
  }
  const ids = importCandidates(
    check.rows.map((r) => r.values!),
    user.id,
  );
  return redirect(`/candidates?imported=${ids.length}`);
}

export default function ImportCandidates() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const { formRef, register, onSubmit, errorFor, summary } = useValidatedForm(importSchema, {
    serverErrors: actionData?.fieldErrors,
  });
  const check = actionData?.check;
  const bad = check ? check.badCount : 0;
  const csvField = register("csv");
  return (
    <>
      <PageHeader
        title="Import candidates"
        subtitle="Preview a CSV, fix what it flags, then import. Either every row is imported or none."
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
            onSubmit={onSubmit}
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
            <div className="actions">
              <button
                type="submit"
                name="intent"
                value="preview"
                className="btn"
                disabled={navigation.state === "submitting"}
              >
                Preview
              </button>
              <button
                type="submit"
                name="intent"
                value="import"
                className="btn btn-primary"
                disabled={navigation.state === "submitting" || !check || bad > 0 || check.fileErrors.length > 0}
              >
                Import{" "}
                {check && !bad && !check.fileErrors.length
                  ? `${check.rowCount} ${check.rowCount === 1 ? "candidate" : "candidates"}`
                  : ""}
              </button>
            </div>
          </Form>
        </section>
        <ImportFormat />
      </div>
      {check ? <ImportPreview check={check} /> : null}
    </>
  );
}

function ImportFormat() {
  return (
    <section className="card" aria-labelledby="format">
      <h2 id="format">Format</h2>
      <p className="small">
        UTF-8 (“CSV UTF-8” in spreadsheet apps). First line: column names. <strong>name</strong> and{" "}
        <strong>email</strong> are required; the others are optional. Up to {MAX_IMPORT_ROWS} rows.
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
          <table>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {errorsFirst(check.rows).map((r) => (
                <tr key={r.line} className={r.errors.length ? "row-bad" : undefined}>
                  <td>{r.line}</td>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
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
