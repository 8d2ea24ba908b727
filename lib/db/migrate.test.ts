import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { emptyDatabaseUrl as emptyDatabase } from "@/tests/support/factories";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("applyMigrations", () => {
  it("applies every migration once, in Prisma's bookkeeping table", async () => {
    const url = await emptyDatabase();
    const first = await applyMigrations(url);
    expect(first.applied.length).toBe(first.total);
    expect(first.total).toBeGreaterThan(0);
    const again = await applyMigrations(url);
    expect(again.applied).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string }>(
      url,
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("lets instances that start together take the migrations once", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([1, 2, 3, 4].map(() => applyMigrations(url)));
    expect(results.reduce((n, r) => n + r.applied.length, 0)).toBe(results[0]!.total);
    const rows = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0]?.count)).toBe(results[0]!.total);
  });

  it("rolls back a failing migration and refuses edited ones", async () => {
    const url = await emptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "cc-mig-"));
    await mkdir(path.join(dir, "001_ok"));
    await writeFile(path.join(dir, "001_ok", "migration.sql"), "CREATE TABLE t1 (id int);");
    await mkdir(path.join(dir, "002_bad"));
    await writeFile(path.join(dir, "002_bad", "migration.sql"), "CREATE TABLE t2 (id int); SELECT nope;");
    await expect(applyMigrations(url, dir)).rejects.toThrow(/002_bad failed/);
    const tables = await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE tablename LIKE 't_'`);
    expect(tables.map((t) => t.tablename)).toEqual(["t1"]);

    await writeFile(path.join(dir, "001_ok", "migration.sql"), "CREATE TABLE t1 (id bigint);");
    await expect(applyMigrations(url, dir)).rejects.toThrow(/001_ok was changed/);
  });
});
