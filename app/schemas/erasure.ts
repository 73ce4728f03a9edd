// The erasure form: a reason, and the candidate's name typed again. One schema
// for the browser and the server, made for the candidate being erased.
import { z } from "zod";
import { confirmsName } from "~/domain/erasure";
import { requiredText } from "./fields";

export function eraseCandidateSchema(candidateName: string) {
  return z.object({
    reason: requiredText("Reason", 500),
    confirmName: z
      .string({ required_error: "Type the candidate's name to confirm" })
      .refine((typed) => confirmsName(typed, candidateName), "Type the candidate's name exactly as shown to confirm"),
  });
}
