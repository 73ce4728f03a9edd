// The HR board as CSV: every application the board's filters keep (all pages, not one), in the board's order,
// one line per check it shows. Written in chunks as it is read (exportComplianceBoard), so memory holds one
// chunk whatever the size of the board. The export is itself an entry in the audit log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import {
  boardFilterFromParams,
  checkStatusLabels,
  checkTypeLabels,
  EXPIRING_SOON_DAYS,
  STALE_REQUEST_DAYS,
  type BoardFilter,
} from "~/domain/compliance";
import { isoDay } from "~/domain/dates";
import { stageLabels } from "~/domain/pipeline";
import { recordAudit } from "~/models/audit.server";
import { countComplianceBoard, exportComplianceBoard, type BoardGroup } from "~/models/compliance.server";
import { authorizeUser } from "~/utils/authorize.server";
import { safeCell } from "~/utils/csv";

export const boardCsvHeader = [
  "application id",
  "who",
  "kind",
  "role",
  "stage",
  "flagged",
  "check",
  "status",
  "requested on",
  "expires on",
  "needs attention",
];

/** Why a check is flagged on the board, in words, or "". */
function attentionText(item: BoardGroup["items"][number]): string {
  if (item.stale) return `requested over ${STALE_REQUEST_DAYS} days ago`;
  if (item.expiringSoon) return `expires within ${EXPIRING_SOON_DAYS} days`;
  if (item.status === "failed" || item.status === "expired") return checkStatusLabels[item.status].toLowerCase();
  return "";
}

/** The CSV lines of some applications: one per check the board shows for each. */
export function boardCsvRows(groups: BoardGroup[]): (string | number)[][] {
  return groups.flatMap((g) =>
    g.items.map((item) => [
      g.applicationId,
      safeCell(g.subject),
      g.subjectKind,
      safeCell(g.roleTitle),
      stageLabels[g.stage],
      g.flagged ? "yes" : "",
      checkTypeLabels[item.type],
      checkStatusLabels[item.status],
      item.requestedAt ?? "",
      item.expiresAt ?? "",
      attentionText(item),
    ]),
  );
}

function fileName(filter: BoardFilter, today: string) {
  return ["compliance", filter.roleId ? `role-${filter.roleId}` : "", filter.finalists ? "finalists" : "", today]
    .filter(Boolean)
    .join("-");
}

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/compliance[.csv]", "loader");
  const filter = boardFilterFromParams(new URL(args.request.url).searchParams);
  const today = isoDay(new Date());
  // Logged with what was exported, never its contents: the report, how many applications, which role if one.
  recordAudit({
    actorId: user.id,
    action: "csv.export",
    ...(filter.roleId ? { subject: { type: "role" as const, id: filter.roleId }, roleId: filter.roleId } : {}),
    detail: { report: "compliance", rows: countComplianceBoard(user, filter, today), format: "csv" },
  });
  const chunks = exportComplianceBoard(user, filter, today);
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([boardCsvHeader], { newline: "\r\n" })}\r\n`));
        return;
      }
      // A turn of the event loop between chunks: other requests and the socket's writes go on meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      const next = chunks.next();
      if (next.done) return controller.close();
      const rows = boardCsvRows(next.value);
      if (rows.length) controller.enqueue(encoder.encode(`${Papa.unparse(rows, { newline: "\r\n" })}\r\n`));
    },
    cancel() {
      chunks.return();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(filter, today)}.csv"`,
    },
  });
}
