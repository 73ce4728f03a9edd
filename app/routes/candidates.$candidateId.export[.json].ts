// Subject access as one JSON file: everything held about the candidate. Logged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCandidateData } from "~/models/subject-access.server";
import { authorizeUser } from "~/utils/authorize.server";

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.$candidateId.export[.json]", "loader");
  const id = Number(args.params.candidateId);
  const data = exportCandidateData(id, user.id, new Date());
  if (!data) throw new Response("Candidate not found", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="candidate-${id}-data.json"`,
    },
  });
}
