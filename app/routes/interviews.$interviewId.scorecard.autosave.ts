// Saves a scorecard as a draft while its panelist types (the scorecard page's
// script posts here a moment after each change). A draft only: submitting and
// amending stay deliberate, on the scorecard page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getScorecardContext, saveScorecard } from "~/models/scorecard.server";
import { scorecardArrayFields, scorecardSchema } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { asDraft, autosaved, autosaveRefused, NO_VERSION } from "~/utils/autosave.server";
import { parseFormData } from "~/utils/forms";

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/interviews.$interviewId.scorecard.autosave", "action");
  const interviewId = Number(args.params.interviewId);
  const context = getScorecardContext(interviewId, user.id);
  if (!context) throw new Response("Interview not found", { status: 404 });
  const formData = asDraft(await args.request.formData());
  if (!formData) return NO_VERSION();
  const parsed = parseFormData(scorecardSchema(context.areas.map((a) => a.key)), formData, scorecardArrayFields);
  if (!parsed.ok) {
    const message = Object.values(parsed.fieldErrors)[0]?.[0] ?? parsed.formError ?? "The draft could not be read.";
    return autosaveRefused(400, { reason: "invalid", message, fieldErrors: parsed.fieldErrors });
  }
  const { version, values } = parsed.data;
  const result = saveScorecard({
    interviewId,
    interviewerId: user.id,
    roleId: context.found.role.id,
    templateId: context.template.id,
    mode: "draft",
    version,
    values,
  });
  if (result.ok) return autosaved(result.version);
  if (result.reason === "cancelled")
    return autosaveRefused(409, {
      reason: "locked",
      message: "This interview was cancelled; the draft was not saved.",
    });
  if (result.reason === "locked")
    return autosaveRefused(409, { reason: "locked", message: "This scorecard is submitted and locked." });
  return autosaveRefused(409, {
    reason: "conflict",
    message: "A newer version of this scorecard was saved elsewhere (another tab?), so this was not saved.",
  });
}
