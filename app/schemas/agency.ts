import { z } from "zod";
import { agencyKinds, assessments, currencies, vettingKeys } from "~/domain/reference";
import { checkbox, optionalText, optionalUrl, optionalWholeNumber, requiredText } from "./fields";

export const agencyArrayFields = ["contactName", "contactEmail", "contactPhone", "contactTitle"] as const;

const vettingFields = Object.fromEntries(
  vettingKeys.flatMap((key) => [
    [`vet_${key}_answer`, optionalText("Answer", 3000)],
    [
      `vet_${key}_assessment`,
      z
        .enum(["", ...assessments], { errorMap: () => ({ message: "Choose good, weak or bad" }) })
        .optional()
        .transform((v) => (v ? v : null)),
    ],
    [`vet_${key}_notes`, optionalText("Notes", 3000)],
  ]),
) as Record<string, z.ZodTypeAny>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const agencyFormSchema = z
  .object({
    name: requiredText("Name", 120),
    kind: z.enum(agencyKinds, { errorMap: () => ({ message: "Choose what kind of vendor this is" }) }),
    website: optionalUrl("Website"),
    rateMin: optionalWholeNumber("Lowest hourly rate", 100_000),
    rateMax: optionalWholeNumber("Highest hourly rate", 100_000),
    markupPercent: optionalWholeNumber("Markup", 500),
    currency: z.enum(currencies, { errorMap: () => ({ message: "Choose a currency" }) }),
    offersHandover: checkbox,
    writtenAcceptanceCriteria: checkbox,
    notes: optionalText("Notes", 5000),
    contactName: z.array(z.string().trim().max(120)).default([]),
    contactEmail: z.array(z.string().trim().toLowerCase().max(254)).default([]),
    contactPhone: z.array(z.string().trim().max(40)).default([]),
    contactTitle: z.array(z.string().trim().max(120)).default([]),
    ...vettingFields,
  })
  .superRefine((v, ctx) => {
    if (v.rateMin !== null && v.rateMax !== null && v.rateMin > v.rateMax) {
      ctx.addIssue({ code: "custom", path: ["rateMax"], message: "The highest rate must be at least the lowest" });
    }
    v.contactName.forEach((name, i) => {
      const email = v.contactEmail[i] ?? "";
      const phone = v.contactPhone[i] ?? "";
      const title = v.contactTitle[i] ?? "";
      if (!name && (email || phone || title))
        ctx.addIssue({ code: "custom", path: ["contacts"], message: `Contact ${i + 1} needs a name` });
      if (email && !EMAIL.test(email))
        ctx.addIssue({ code: "custom", path: ["contacts"], message: `Contact ${i + 1}: enter a valid email address` });
    });
  })
  .transform((v) => {
    const contacts = v.contactName
      .map((name, i) => ({
        name,
        email: v.contactEmail[i] || null,
        phone: v.contactPhone[i] || null,
        title: v.contactTitle[i] || null,
      }))
      .filter((c) => c.name);
    const vetting = vettingKeys.map((key) => ({
      question: key,
      answer: (v as Record<string, unknown>)[`vet_${key}_answer`] as string | null,
      assessment: (v as Record<string, unknown>)[`vet_${key}_assessment`] as "good" | "weak" | "bad" | null,
      notes: (v as Record<string, unknown>)[`vet_${key}_notes`] as string | null,
    }));
    return {
      agency: {
        name: v.name,
        kind: v.kind,
        website: v.website,
        rateMin: v.rateMin,
        rateMax: v.rateMax,
        markupPercent: v.markupPercent,
        currency: v.currency,
        offersHandover: v.offersHandover,
        writtenAcceptanceCriteria: v.writtenAcceptanceCriteria,
        notes: v.notes,
      },
      contacts,
      vetting,
    };
  });

export type AgencyFormValues = z.output<typeof agencyFormSchema>;
