// What a role card or row shows about a role's brief and staffing advice.
import { briefReadiness, type RoleBrief } from "./brief";
import { adviseEngagement, type RoutingAnswers } from "./engagement";

/** The routing answers out of a role (or the role form's values). */
export function routingAnswersOf(role: RoutingAnswers): RoutingAnswers {
  return {
    qCustomModels: role.qCustomModels,
    qHostedApis: role.qHostedApis,
    qDataBlocker: role.qDataBlocker,
    qLongTermOwnership: role.qLongTermOwnership,
    qBoundedFeature: role.qBoundedFeature,
    qInfraAdvantage: role.qInfraAdvantage,
    qExpectedWeeks: role.qExpectedWeeks,
    qInternalOwner: role.qInternalOwner,
  };
}

export function summarizeRole(
  role: RoleBrief & RoutingAnswers & { engagementModels?: readonly string[] },
  today: Date,
) {
  return {
    readiness: briefReadiness(role),
    advice: adviseEngagement({
      answers: routingAnswersOf(role),
      launchDate: role.briefLaunchDate,
      today,
      considered: role.engagementModels ?? [],
    }),
  };
}
