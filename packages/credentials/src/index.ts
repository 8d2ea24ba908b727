// Credential rules shared by the console, the authorization server and the
// token client's tests. A leaf: it imports nothing from the rest of the
// project, and this entry point is safe in the browser. Node-only parts
// (generating, hashing and checking secrets) are at
// `@cluster-console/credentials/secrets`.
export * from "./admin-permissions";
export * from "./client-policies";
export * from "./cluster-addresses";
export * from "./formats";
export * from "./oauth-codes";
export * from "./scopes";
export * from "./connector-runtime";
