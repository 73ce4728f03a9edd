import { z } from "zod";
import { userKinds } from "~/domain/reference";
import { newPasswordField } from "./auth";
import { email, requiredText } from "./fields";

const kind = z.enum(userKinds, { errorMap: () => ({ message: "Choose what kind of user this is" }) });

export const createUserSchema = z.object({
  name: requiredText("Name", 100),
  email,
  kind,
  password: newPasswordField,
});

export const updateUserSchema = z.object({
  intent: z.literal("update"),
  name: requiredText("Name", 100),
  kind,
  active: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
  version: z.coerce.number().int().min(1),
});

export const setPasswordSchema = z.object({
  intent: z.literal("set-password"),
  password: newPasswordField,
});

export const userActionSchema = z.discriminatedUnion("intent", [updateUserSchema, setPasswordSchema]);
