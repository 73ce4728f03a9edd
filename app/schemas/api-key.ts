// The API keys page's forms: create a key (a name and its scopes), revoke one.
import { z } from "zod";
import { apiScopes } from "~/domain/api";

export const apiKeyArrayFields = ["scopes"] as const;

export const createApiKeySchema = z.object({
  intent: z.literal("create"),
  name: z.string().trim().min(1, "Name the key after the system that will use it").max(80, "At most 80 characters"),
  scopes: z
    .array(z.enum(apiScopes, { message: "Choose from the listed scopes" }))
    .min(1, "Choose at least one scope")
    .refine((s) => s.some((scope) => scope !== "pay"), "Pay only adds to another scope: choose at least one more"),
});

export const revokeApiKeySchema = z.object({
  intent: z.literal("revoke"),
  keyId: z.coerce.number().int().positive(),
});

export const apiKeyActionSchema = z.discriminatedUnion("intent", [createApiKeySchema, revokeApiKeySchema]);
