import { Form, useActionData, useNavigation } from "@remix-run/react";
import { FormError, useValidatedForm } from "~/components/form";
import { QuoteFields, type QuoteValues } from "~/components/quote-fields";
import { formatMoney, Notice } from "~/components/ui";
import { bidQuoteSchema } from "~/schemas/costs";
import type { FieldErrors, Submitted } from "~/utils/forms";

export type BidQuoteData = {
  quote: QuoteValues;
  roleCurrency: string;
  version: number;
  canEdit: boolean;
  pricedAs: string | null;
};

/** What a refused quote form sends back: the errors for its fields, and what was typed. */
type QuoteRefusal = { intent?: "quote"; fieldErrors: FieldErrors; formError: string | null; values?: Submitted };

/** An agency bid's quote, and (for those who may change the application) the form to record or change it. */
export function BidQuoteSection({ data, saved }: { data: BidQuoteData; saved: boolean }) {
  const { quote, roleCurrency } = data;
  return (
    <section className="card" aria-labelledby="quote">
      <h2 id="quote">Quote</h2>
      {saved ? <Notice>Quote saved: the rollup and the comparison cost this bid at it.</Notice> : null}
      <p>
        {quote.amount === null ? (
          <span className="muted">No quote recorded yet.</span>
        ) : (
          <>
            <strong>{formatMoney(quote.amount, quote.currency ?? roleCurrency)}</strong>
            {data.pricedAs ? <span className="muted"> · {data.pricedAs}</span> : null}
            {quote.currency && quote.currency !== roleCurrency ? (
              <span className="flag">
                In {quote.currency}, the role&rsquo;s budget in {roleCurrency}: not priced beside the others.
              </span>
            ) : null}
          </>
        )}
      </p>
      {data.canEdit ? <QuoteForm data={data} /> : null}
    </section>
  );
}

function QuoteForm({ data }: { data: BidQuoteData }) {
  const actionData = useActionData<QuoteRefusal>();
  const navigation = useNavigation();
  const mine = actionData?.intent === "quote" ? actionData : null;
  const form = useValidatedForm(bidQuoteSchema, { serverErrors: mine?.fieldErrors, submitted: mine?.values });
  return (
    <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} className="stack" noValidate aria-label="Quote">
      <FormError error={mine?.formError} summary={form.summary} />
      <input type="hidden" name="intent" value="quote" />
      <input type="hidden" name="version" value={form.typed("version", String(data.version))} />
      <QuoteFields form={form} roleCurrency={data.roleCurrency} saved={data.quote} />
      <div>
        <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
          Save quote
        </button>
      </div>
    </Form>
  );
}
