// The unsubscribe link in every message: a signed token names the user, so it
// works without signing in. Opening it changes nothing (mail scanners follow
// links); the button posts the token back, and only then is the digest turned off.
// A bad or altered token gets a 400 page saying so.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDigestSubscriber, turnOffDigest } from "~/models/digest-settings.server";
import { authorize } from "~/utils/authorize.server";
import { readUnsubscribeToken } from "~/utils/unsubscribe.server";

export const meta: MetaFunction = () => [{ title: "Stop the daily digest · AI Talent Scorecards" }];

const BAD_LINK =
  "This unsubscribe link is not valid: it may have been cut short or changed. Use the link in a recent message, or sign in and turn the digest off on your account page.";

function subscriberFor(token: string | null) {
  const userId = readUnsubscribeToken(token);
  const subscriber = userId === null ? null : getDigestSubscriber(userId);
  return userId !== null && subscriber ? { userId, ...subscriber } : null;
}

export async function loader(args: LoaderFunctionArgs) {
  await authorize(args, "routes/unsubscribe", "loader");
  const token = new URL(args.request.url).searchParams.get("token");
  const subscriber = subscriberFor(token);
  if (!subscriber) return data({ ok: false as const, error: BAD_LINK }, { status: 400 });
  return { ok: true as const, token: token!, firstName: subscriber.firstName, digestOn: subscriber.digestOn };
}

const unsubscribeSchema = z.object({ token: z.string().min(1).max(200) });

export async function action(args: ActionFunctionArgs) {
  await authorize(args, "routes/unsubscribe", "action");
  const parsed = unsubscribeSchema.safeParse(Object.fromEntries(await args.request.formData()));
  const subscriber = parsed.success ? subscriberFor(parsed.data.token) : null;
  if (!subscriber) return data({ done: false as const, error: BAD_LINK }, { status: 400 });
  turnOffDigest(subscriber.userId);
  return { done: true as const, error: null };
}

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const error = answer?.error ?? (page.ok ? null : page.error);
  return (
    <div className="auth">
      <div className="card stack">
        <h1>Stop the daily digest</h1>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : answer?.done || (page.ok && !page.digestOn) ? (
          <p className="alert alert-ok" role="status">
            The daily digest is off{page.ok ? ` for ${page.firstName}` : ""}. Invitations, reminders and approvals still
            arrive: they are about work that needs you. You can turn the digest back on from your account page.
          </p>
        ) : page.ok ? (
          <Form method="post" className="stack">
            <p>
              {page.firstName}, the daily digest lists the scorecards, grading, decisions and approvals waiting for you.
              Stop it?
            </p>
            <input type="hidden" name="token" value={page.token} />
            <div>
              <button type="submit" className="btn btn-primary">
                Stop the daily digest
              </button>
            </div>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
