import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

it("keeps its data across a clean stop and a restart", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cc-embedded-"));
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, "pg");
  try {
    const first = await startEmbeddedPostgres({ dataDir, database: "console" });
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    expect(await canConnect(first.port)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, database: "console" });
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await second.stop();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
