// Multi-step set-ups that go through the real actions, shared by integration tests.
import * as scheduleRoute from "~/routes/applications.$applicationId.interviews.new";
import * as scorecardRoute from "~/routes/interviews.$interviewId.scorecard";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, firstUnplacedCandidate, invoke, post, userIdByEmail } from "./http";

/**
 * Someone not yet in any pipeline joins the role at interviewing, and Dana (a
 * hiring manager of the demo roles) schedules a screen for them through the
 * real action, with `panelEmail` on the panel.
 */
export async function scheduleFreshInterview(
  roleId: number,
  panelEmail: string,
): Promise<{ applicationId: number; interviewId: string }> {
  const db = getDb();
  const candidate = firstUnplacedCandidate();
  const app = db
    .insert(schema.applications)
    .values({ roleId, candidateId: candidate.id, stage: "interviewing", stageChangedAt: new Date() })
    .returning()
    .get();
  const scheduled = await invoke(
    scheduleRoute.action,
    post(
      `/applications/${app.id}/interviews/new`,
      {
        kind: "screen",
        startsAt: "2026-11-20T10:00",
        confirmPast: "on",
        durationMinutes: "30",
        panelIds: [String(userIdByEmail(panelEmail))],
        focusAreas: ["evals"],
        tzOffset: "0",
      },
      { cookie: await cookieFor("dana@northwind.test") },
    ),
    { applicationId: String(app.id) },
  );
  return { applicationId: app.id, interviewId: scheduled.location!.match(/\/interviews\/(\d+)/)![1] };
}

/** Submit `email`'s scorecard for the interview through the real action; returns the response's status. */
export async function submitScorecard(
  interviewId: string,
  email: string,
  fields: Record<string, string>,
): Promise<number> {
  const submitted = await invoke(
    scorecardRoute.action,
    post(`/interviews/${interviewId}/scorecard`, { intent: "submit", ...fields }, { cookie: await cookieFor(email) }),
    { interviewId },
  );
  return submitted.status;
}
