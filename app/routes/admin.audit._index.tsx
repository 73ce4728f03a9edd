// The audit log for admins: who did what to which record, newest first, with
// filters by user, action, record and dates, paged, and the same as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterForm } from "~/components/filter-form";
import { Pager } from "~/components/pager";
import { formatCount, PageHeader } from "~/components/ui";
import {
  AUDIT_PAGE_SIZE,
  auditActionLabels,
  auditActions,
  auditDetailText,
  auditRecordHref,
  auditSubjectLabels,
  auditSubjects,
} from "~/domain/audit";
import { listAuditActorOptions, listAuditEvents } from "~/models/audit.server";
import { auditFilterFromUrl } from "~/schemas/audit";
import { authorizeUser } from "~/utils/authorize.server";
import { Moment } from "~/components/moment";

export const meta: MetaFunction = () => [{ title: "Audit log · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.audit._index", "loader");
  const url = new URL(args.request.url);
  const parsed = auditFilterFromUrl(url);
  const actors = listAuditActorOptions();
  if (!parsed.ok)
    return data(
      { values: parsed.values, fieldErrors: parsed.fieldErrors, actors, entries: [], total: 0, page: 1, pageCount: 0 },
      { status: 400 },
    );
  const { entries, total } = listAuditEvents(parsed.filter, parsed.page);
  return {
    values: parsed.values,
    fieldErrors: {} as Record<string, string[]>,
    actors,
    entries: entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorName ?? (e.actorId === null ? "System or unknown" : `User #${e.actorId}`),
      action: auditActionLabels[e.action],
      record: e.subjectType ? `${auditSubjectLabels[e.subjectType]} #${e.subjectId ?? ""}` : "",
      href: auditRecordHref(e),
      fields: e.fields.join(", "),
      detail: auditDetailText(e.detail),
      client: e.clientIp ?? "",
    })),
    total,
    page: parsed.page,
    pageCount: Math.ceil(total / AUDIT_PAGE_SIZE),
  };
}

const when = (iso: string) => <Moment at={iso} />;

function FieldMessage({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <span id={id} className="field-error">
      {errors[0]}
    </span>
  ) : null;
}

function AuditFilters() {
  const { values, fieldErrors, actors, total } = useLoaderData<typeof loader>();
  const aria = (name: string) =>
    fieldErrors[name]?.length ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
  return (
    <FilterForm values={values} className="filters" announce={`${formatCount(total)} matching entries`}>
      <div className="filter-field">
        <label>
          User
          <select name="actor" defaultValue={values.actor} {...aria("actor")}>
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <FieldMessage id="actor-error" errors={fieldErrors.actor} />
      </div>
      <div className="filter-field">
        <label>
          Action
          <select name="action" defaultValue={values.action} {...aria("action")}>
            <option value="">Any action</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabels[a]}
              </option>
            ))}
          </select>
        </label>
        <FieldMessage id="action-error" errors={fieldErrors.action} />
      </div>
      <div className="filter-field">
        <label>
          Record
          <select name="record" defaultValue={values.record} {...aria("record")}>
            <option value="">Any record</option>
            {auditSubjects.map((s) => (
              <option key={s} value={s}>
                {auditSubjectLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <FieldMessage id="record-error" errors={fieldErrors.record} />
      </div>
      <div className="filter-field">
        <label>
          Record id
          <input
            type="text"
            name="recordId"
            inputMode="numeric"
            defaultValue={values.recordId}
            size={8}
            {...aria("recordId")}
          />
        </label>
        <FieldMessage id="recordId-error" errors={fieldErrors.recordId} />
      </div>
      <div className="filter-field">
        <label>
          From
          <input type="date" name="from" defaultValue={values.from} {...aria("from")} />
        </label>
        <FieldMessage id="from-error" errors={fieldErrors.from} />
      </div>
      <div className="filter-field">
        <label>
          To
          <input type="date" name="to" defaultValue={values.to} {...aria("to")} />
        </label>
        <FieldMessage id="to-error" errors={fieldErrors.to} />
      </div>
      <button type="submit" className="btn">
        Filter
      </button>
    </FilterForm>
  );
}

export default function AuditLog() {
  const { values, entries, total, page, pageCount } = useLoaderData<typeof loader>();
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== "")).toString();
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Who did what to which record, when and from where. Entries hold record ids and field names, never the values; nobody can change or delete them, and they are kept for at least a year."
        actions={
          <a className="btn" href={`/admin/audit.csv${query ? `?${query}` : ""}`} download>
            Download CSV
          </a>
        }
      />
      <AuditFilters />
      <section className="card" aria-labelledby="entries-heading">
        <h2 id="entries-heading">Entries</h2>
        {entries.length === 0 ? (
          <p className="muted">No entries match these filters.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="muted small">
                {formatCount(total)} in all, newest first
                {pageCount > 1 ? `; ${first}-${first + entries.length - 1} shown` : ""}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Record</th>
                  <th scope="col">Fields and facts</th>
                  <th scope="col">Client</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td className="small">{when(e.at)}</td>
                    <td>{e.actor}</td>
                    <th scope="row">{e.action}</th>
                    <td>{e.href ? <Link to={e.href}>{e.record}</Link> : e.record}</td>
                    <td className="small">
                      {e.fields ? <div>Fields: {e.fields}</div> : null}
                      {e.detail ? <div className="muted">{e.detail}</div> : null}
                    </td>
                    <td className="small muted">{e.client}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Pager page={page} pageCount={pageCount} params={Object.fromEntries(new URLSearchParams(query))} />
    </>
  );
}
