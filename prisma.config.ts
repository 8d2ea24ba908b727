import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only; migrations are applied by
// lib/db/migrate.ts at start-up (see docs/architecture.md, "Migrations").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
