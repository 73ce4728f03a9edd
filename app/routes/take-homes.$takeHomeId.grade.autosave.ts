// Saves a take-home grade as a draft while its grader types (the grading
// page's script posts here a moment after each change). Submitting stays a
// deliberate act on the grading page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { saveGrade } from "~/models/take-home.server";
import { gradeSchema, gradeValuesFrom } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { asDraft, autosaved, autosaveRefused, NO_VERSION } from "~/utils/autosave.server";
import { parseFormData } from "~/utils/forms";

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/take-homes.$takeHomeId.grade.autosave", "action");
  const formData = asDraft(await args.request.formData());
  if (!formData) return NO_VERSION();
  const parsed = parseFormData(gradeSchema, formData);
  if (!parsed.ok) {
    const message = Object.values(parsed.fieldErrors)[0]?.[0] ?? parsed.formError ?? "The draft could not be read.";
    return autosaveRefused(400, { reason: "invalid", message, fieldErrors: parsed.fieldErrors });
  }
  const version = parsed.data.version ? Number(parsed.data.version) : null;
  const takeHomeId = Number(args.params.takeHomeId);
  const result = saveGrade({
    takeHomeId,
    graderId: user.id,
    version,
    submit: false,
    values: gradeValuesFrom(parsed.data),
  });
  if (result.ok) return autosaved(result.version);
  const message = {
    "not-ready": "There is no submission to grade yet.",
    locked: "Your grade is submitted and locked.",
    conflict: "A newer version of your grade was saved elsewhere (another tab?), so this was not saved.",
  }[result.reason];
  return autosaveRefused(409, { reason: result.reason, message });
}
