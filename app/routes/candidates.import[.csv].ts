// The import's two files: GET, an empty template with every column the import reads; POST (the import form, as
// sent to preview it), the rows it refuses, each with its line in the file and why, to fix and import again.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { findExistingEmails } from "~/models/candidate.server";
import { importSchema } from "~/schemas/candidate";
import { authorizeUser } from "~/utils/authorize.server";
import { checkCandidateCsv, importTemplateCsv, rejectedRowsCsv } from "~/utils/candidate-csv.server";
import { parseFormData } from "~/utils/forms";

const csvFile = (body: string, name: string) =>
  new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/candidates.import[.csv]", "loader");
  return csvFile(importTemplateCsv(), "candidates-template.csv");
}

export async function action(args: ActionFunctionArgs) {
  await authorizeUser(args, "routes/candidates.import[.csv]", "action");
  const parsed = parseFormData(importSchema, await args.request.formData());
  if (!parsed.ok)
    return new Response(Object.values(parsed.fieldErrors).flat().join(" ") || (parsed.formError ?? ""), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const check = checkCandidateCsv(parsed.data.csv, findExistingEmails);
  if (check.fileErrors.length)
    return new Response(`The file cannot be read row by row: ${check.fileErrors.join(" ")}`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return csvFile(rejectedRowsCsv(check), "candidates-rejected.csv");
}
