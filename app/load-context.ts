// What the HTTP server hands every loader and action.
export type AppContext = {
  cspNonce: string;
  /** Ties a request's log line and any error logged for it together (also sent as X-Request-Id). */
  requestId?: string;
  clientIp: string;
  /** Append a Set-Cookie header to whatever response this request ends with. */
  appendSetCookie: (cookie: string) => void;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
