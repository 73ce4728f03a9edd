import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { holdsAny } from "~/domain/policy";
import { userKindLabels } from "~/domain/reference";
import appStyles from "~/styles/app.css?url";
import { authorize } from "~/utils/authorize.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorize(args, "root", "loader");
  return { user };
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const user = useOptionalUser();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {user ? (
          <header className="topbar">
            <div className="topbar-inner">
              <Link to="/" className="brand">
                <span className="brand-mark" aria-hidden="true">
                  AT
                </span>
                AI Talent Scorecards
              </Link>
              <nav className="nav" aria-label="Main">
                <NavLink to="/" end>
                  Home
                </NavLink>
                <NavLink to="/interviews" end>
                  Interviews
                </NavLink>
                <NavLink to="/roles">Roles</NavLink>
                <NavLink to="/candidates">Candidates</NavLink>
                {holdsAny(user.kind, "read:agency") ? <NavLink to="/agencies">Agencies</NavLink> : null}
                {holdsAny(user.kind, "read:compliance") ? <NavLink to="/compliance">Compliance</NavLink> : null}
                {holdsAny(user.kind, "read:decision") ? <NavLink to="/decisions">Decisions</NavLink> : null}
                {holdsAny(user.kind, "read:calibration") ? <NavLink to="/calibration">Calibration</NavLink> : null}
                {holdsAny(user.kind, "read:user") ? <NavLink to="/admin/users">Users</NavLink> : null}
              </nav>
              <div className="whoami">
                <Link to="/account" title="Your account">
                  {user.name} · {userKindLabels[user.kind]}
                </Link>
                <Form method="post" action="/logout">
                  <button type="submit" className="btn-link">
                    Sign out
                  </button>
                </Form>
              </div>
            </div>
          </header>
        ) : null}
        <main id="main">{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let title = "Something went wrong";
  let detail = "We could not finish that request. Try again; if it keeps happening, tell your admin.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (status === 403) {
      title = "You do not have access to this page";
      detail =
        typeof error.data === "string" && error.data
          ? error.data
          : "Ask the role's hiring manager or an admin to add you.";
    } else if (status === 404) {
      title = "We could not find that page";
      detail = "It may have been moved, or the link is wrong.";
    } else if (status === 429) {
      title = "Too many attempts";
      detail = typeof error.data === "string" ? error.data : "Wait a minute and try again.";
    } else if (status < 500) {
      title = "That request did not work";
      detail = typeof error.data === "string" && error.data ? error.data : detail;
    }
  }
  return (
    <div className="error-page">
      <p className="code">{status}</p>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/" className="btn">
          Go to your home page
        </Link>
      </p>
    </div>
  );
}
