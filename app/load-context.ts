// What the HTTP server hands every loader and action.
export type AppContext = {
  cspNonce: string;
  clientIp: string;
  /** Append a Set-Cookie header to whatever response this request ends with. */
  appendSetCookie: (cookie: string) => void;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
