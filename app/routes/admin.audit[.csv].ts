// The audit log as CSV, with the page's filters. The export is itself an entry.
import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { auditActionLabels, auditDetailText, auditSubjectLabels } from "~/domain/audit";
import { listAuditEventsForExport, recordAudit } from "~/models/audit.server";
import { auditFilterFromUrl } from "~/schemas/audit";
import { authorizeUser } from "~/utils/authorize.server";
import { safeCell } from "~/utils/csv";

/** More than a year of a busy company's log fits; past this, narrow the dates. */
export const AUDIT_CSV_MAX_ROWS = 200_000;

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/admin.audit[.csv]", "loader");
  const parsed = auditFilterFromUrl(new URL(args.request.url));
  if (!parsed.ok)
    return new Response(`The filters are not valid: ${Object.values(parsed.fieldErrors).flat().join("; ")}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const entries = listAuditEventsForExport(parsed.filter, AUDIT_CSV_MAX_ROWS);
  recordAudit({
    actorId: user.id,
    action: "audit.export",
    subject: { type: "audit_log", id: 0 },
    detail: { rows: entries.length, format: "csv" },
  });
  const csv = Papa.unparse({
    fields: [
      "id",
      "time (UTC)",
      "user id",
      "user",
      "action",
      "record",
      "record id",
      "application id",
      "fields",
      "detail",
      "client IP",
      "request id",
    ],
    data: entries.map((e) => [
      e.id,
      e.at.toISOString(),
      e.actorId ?? "",
      safeCell(e.actorName ?? (e.actorId === null ? "system or unknown" : "")),
      auditActionLabels[e.action],
      e.subjectType ? auditSubjectLabels[e.subjectType] : "",
      e.subjectId ?? "",
      e.applicationId ?? "",
      e.fields.join(" "),
      safeCell(auditDetailText(e.detail)),
      safeCell(e.clientIp ?? ""),
      e.requestId ?? "",
    ]),
  });
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log.csv"`,
    },
  });
}
