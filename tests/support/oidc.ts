// A real OpenID Connect provider (oidc-provider 8) for tests, in this process on a local port: discovery, a
// signing key, one confidential client that must use PKCE, accounts with email, email_verified, name and groups,
// and a minimal sign-in page of its own (a username box, Sign in, Cancel) instead of oidc-provider's development
// pages. Consent is implied (the app is a first-party client). `signInAt` walks that page with fetch and a small
// cookie jar, the way a browser would.
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Context } from "oidc-provider";

export type TestAccount = { email: string; email_verified?: boolean; name?: string; groups?: string[] };

export const CLIENT_ID = "hiring-app";
export const CLIENT_SECRET = "a-client-secret-for-tests-only-0123456789";

export type TestProvider = {
  issuer: string;
  port: number;
  accounts: Map<string, TestAccount>;
  /** Seconds an ID token lives; below zero issues tokens already expired (a provider whose clock is behind). */
  idTokenTtl: number;
  close(): Promise<void>;
};

/** A port nothing listens on now (for "provider down"), then usable by startProvider. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, clientName: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1><p>Sign in to continue to ${escapeHtml(clientName)}.</p>
<form method="post" action="/interaction/${uid}/login">
<label>Username <input name="login" autocomplete="username" autofocus></label>
<button type="submit">Continue</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;
}

async function interaction(
  provider: Provider,
  accounts: Map<string, TestAccount>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const [, , uid, step] = (req.url ?? "").split("?")[0].split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  if (req.method === "GET") {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(loginPage(uid, CLIENT_ID));
    return;
  }
  if (step === "abort") {
    await provider.interactionFinished(req, res, { error: "access_denied", error_description: "cancelled" });
    return;
  }
  const login = (await readForm(req)).get("login") ?? "";
  if (!accounts.has(login)) {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(loginPage(uid, CLIENT_ID).replace("<form", "<p role=alert>No such user.</p><form"));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
}

/**
 * Start a provider. `redirectUris`: the app's callback URLs. `port`: a fixed one (E2E), else any free one.
 * Accounts are keyed by username, which is also their subject.
 */
export async function startProvider(options: {
  redirectUris: string[];
  accounts: Record<string, TestAccount>;
  port?: number;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(options.port ?? 0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const accounts = new Map(Object.entries(options.accounts));
  const state: TestProvider = {
    issuer,
    port,
    accounts,
    idTokenTtl: 3600,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: ["test-provider-cookie-key"] },
    pkce: { methods: ["S256"], required: () => true },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    ttl: {
      IdToken: () => state.idTokenTtl,
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // A first-party client: the grant is implied, no consent page.
    async loadExistingGrant(ctx: Context) {
      const { client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!session.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(provider, accounts, req, res).catch((error: Error) => {
        res.writeHead(400, { "Content-Type": "text/plain" });
        res.end(error.message);
      });
      return;
    }
    handle(req, res);
  });
  return state;
}

/** A browser's cookies, by name, enough for one sign-in at the provider (paths and expiry ignored). */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Follow the app's redirect to the provider, sign in as `login` (or press Cancel), and return the URL the
 * provider sends the browser back to (the app's callback with code, state and iss, or an error).
 */
export async function signInAt(authorizeUrl: string, login: string | { cancel: true }): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: "manual", headers: { Cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get("Location");
    if (location) {
      const next = new URL(location, url);
      if (!next.href.startsWith(new URL(authorizeUrl).origin)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const uid = /action="\/interaction\/([^/]+)\/login"/.exec(html)?.[1];
    if (!uid) throw new Error(`The provider answered ${response.status}: ${html.slice(0, 200)}`);
    const step = typeof login === "string" ? "login" : "abort";
    const posted = await fetch(new URL(`/interaction/${uid}/${step}`, url), {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: jar.header(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(typeof login === "string" ? { login } : {}),
    });
    jar.take(posted);
    const after = posted.headers.get("Location");
    if (!after) throw new Error(`Signing in at the provider answered ${posted.status}: ${await posted.text()}`);
    url = new URL(after, url).href;
  }
  throw new Error("Too many redirects at the provider");
}
