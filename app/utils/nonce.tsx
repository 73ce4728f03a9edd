import { createContext, useContext } from "react";

// The per-request CSP nonce, handed from entry.server to <Scripts>. In the
// browser it is empty: browsers hide nonce attributes after parsing.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
