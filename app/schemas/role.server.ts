// Server-only checks of the role form that need the database or the actor.
import type { SessionUser } from "~/models/session.server";
import { HIRING_MANAGER_KINDS } from "~/domain/reference";
import { findIdsNotOfKinds, findUnknownTeamMemberIds } from "~/models/role.server";
import { parseFormData, type ParseResult } from "~/utils/forms";
import { roleArrayFields, roleFormSchema, withRequiredChecks, type RoleFormValues } from "./role";

export function parseRoleForm(formData: FormData, actor: SessionUser): ParseResult<RoleFormValues> {
  const parsed = parseFormData(roleFormSchema, formData, roleArrayFields);
  if (!parsed.ok) return parsed;
  const fieldErrors: Record<string, string[]> = {};
  if (findIdsNotOfKinds(parsed.data.hiringManagerIds, HIRING_MANAGER_KINDS).length) {
    fieldErrors.hiringManagerIds = ["Hiring managers must be active hiring managers, recruiters or admins"];
  }
  if (findUnknownTeamMemberIds(parsed.data.interviewerIds).length)
    fieldErrors.interviewerIds = ["Pick interviewers from the list of active users"];
  if (actor.kind === "hiring_manager" && !parsed.data.hiringManagerIds.includes(actor.id)) {
    fieldErrors.hiringManagerIds = ["Keep yourself as a hiring manager, or you would lose access to this role"];
  }
  return Object.keys(fieldErrors).length
    ? { ok: false, fieldErrors, formError: null }
    : { ok: true, data: withRequiredChecks(parsed.data) };
}
