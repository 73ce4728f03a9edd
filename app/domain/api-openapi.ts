// The API's OpenAPI 3.1 description, written from the resources' zod schemas
// (app/domain/api-resources.ts). One entry per /api/v1 route; a test checks
// that every API route in the policy table is here and that real answers
// parse with the schemas described.
import { z } from "zod/v4";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, apiScopeLabels, type ApiScope } from "./api";
import {
  apiApplication,
  apiApplicationList,
  apiCheckList,
  apiChecks,
  apiError,
  apiRole,
  apiRoleList,
  apiScorecardSummary,
} from "./api-resources";
import { checkStatuses, checkTypes } from "./compliance";
import { stages } from "./pipeline";
import { roleStatuses } from "./reference";

type Parameter = { name: string; in: "query" | "path"; description: string; schema: Record<string, unknown> };

export type ApiOperation = {
  routeId: string;
  path: string;
  scope: ApiScope;
  summary: string;
  parameters: Parameter[];
  response: z.ZodType;
};

const paging: Parameter[] = [
  {
    name: "limit",
    in: "query",
    description: `Rows per page, 1 to ${API_MAX_LIMIT} (default ${API_DEFAULT_LIMIT})`,
    schema: { type: "integer", minimum: 1, maximum: API_MAX_LIMIT },
  },
  {
    name: "cursor",
    in: "query",
    description: "Where the page starts: pass back what the previous page's `next` link holds",
    schema: { type: "string" },
  },
];
const idParam = (name: string, what: string): Parameter => ({
  name,
  in: "path",
  description: `The ${what}'s id`,
  schema: { type: "integer", minimum: 1 },
});

export const apiOperations: ApiOperation[] = [
  {
    routeId: "routes/api.v1.roles._index",
    path: "/api/v1/roles",
    scope: "roles",
    summary: "Roles, in id order",
    parameters: [
      ...paging,
      { name: "status", in: "query", description: "Only roles in this status", schema: { enum: [...roleStatuses] } },
    ],
    response: apiRoleList,
  },
  {
    routeId: "routes/api.v1.roles.$roleId",
    path: "/api/v1/roles/{roleId}",
    scope: "roles",
    summary: "One role",
    parameters: [idParam("roleId", "role")],
    response: apiRole,
  },
  {
    routeId: "routes/api.v1.applications._index",
    path: "/api/v1/applications",
    scope: "applications",
    summary: "Applications with their stage and latest decision, in id order",
    parameters: [
      ...paging,
      { name: "role_id", in: "query", description: "Only this role's applications", schema: { type: "integer" } },
      { name: "stage", in: "query", description: "Only applications in this stage", schema: { enum: [...stages] } },
      {
        name: "updated_since",
        in: "query",
        description: "Only applications changed (stage, quote) or decided at or after this ISO 8601 time",
        schema: { type: "string", format: "date-time" },
      },
    ],
    response: apiApplicationList,
  },
  {
    routeId: "routes/api.v1.applications.$applicationId._index",
    path: "/api/v1/applications/{applicationId}",
    scope: "applications",
    summary: "One application",
    parameters: [idParam("applicationId", "application")],
    response: apiApplication,
  },
  {
    routeId: "routes/api.v1.applications.$applicationId.scorecards",
    path: "/api/v1/applications/{applicationId}/scorecards",
    scope: "scorecards",
    summary: "The summary of an application's submitted scorecards (figures only, never the panel's words)",
    parameters: [idParam("applicationId", "application")],
    response: apiScorecardSummary,
  },
  {
    routeId: "routes/api.v1.applications.$applicationId.checks",
    path: "/api/v1/applications/{applicationId}/checks",
    scope: "checks",
    summary: "The compliance checks bearing on an application: type, status and dates (never findings or documents)",
    parameters: [idParam("applicationId", "application")],
    response: apiChecks,
  },
  {
    routeId: "routes/api.v1.checks",
    path: "/api/v1/checks",
    scope: "checks",
    summary: "Every compliance check, in id order: whose it is (by id), type, status and dates (never findings)",
    parameters: [
      ...paging,
      { name: "type", in: "query", description: "Only checks of this type", schema: { enum: [...checkTypes] } },
      { name: "status", in: "query", description: "Only checks in this status", schema: { enum: [...checkStatuses] } },
      {
        name: "updated_since",
        in: "query",
        description: "Only checks changed at or after this ISO 8601 time",
        schema: { type: "string", format: "date-time" },
      },
    ],
    response: apiCheckList,
  },
];

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function operation(op: ApiOperation) {
  return {
    get: {
      operationId: op.routeId.replace("routes/api.v1.", "").replace(/[^A-Za-z0-9]+/g, "_"),
      summary: op.summary,
      description: `Needs the \`${op.scope}\` scope (${apiScopeLabels[op.scope]}). Pay figures appear only for keys with the \`pay\` scope.`,
      security: [{ bearer: [] }],
      parameters: op.parameters.map((p) => ({ ...p, required: p.in === "path" })),
      responses: {
        200: { description: "OK", content: { "application/json": { schema: jsonSchema(op.response) } } },
        400: errorResponse("A query parameter is not valid"),
        401: errorResponse("No key, an unknown key, or a revoked key"),
        403: errorResponse("The key lacks the scope"),
        ...(op.parameters.some((p) => p.in === "path") ? { 404: errorResponse("No record with this id") } : {}),
        429: errorResponse("Over the key's calls per minute; see Retry-After"),
      },
    },
  };
}

/** The whole description, as served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "AI Talent Scorecards API",
      version: "1",
      description:
        "Read-only JSON API. Authenticate with an API key an admin creates (Admin, API keys): " +
        "`Authorization: Bearer ats_...`. Each key opens the resources its scopes name; `pay` adds pay figures. " +
        "Lists are paged by `limit` and `cursor` and link the next page in `next`. Times are ISO 8601 in UTC.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key, ats_<prefix>_<secret>" } },
      schemas: { Error: jsonSchema(apiError) },
    },
    paths: Object.fromEntries(apiOperations.map((op) => [op.path, operation(op)])),
  };
}
