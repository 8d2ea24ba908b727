// The console's token client installs for real: `npm install` of the tarball
// the console serves (what the Node.js snippet says), into an empty project,
// with a registry that cannot be reached (the package has no runtime
// dependencies), and its CLI prints a token from a downloaded credentials file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { createCluster, expect, test } from "./fixtures";
import { createClientAndDownloadEnv } from "./support/download-credentials";

test("npm install <console>/downloads/token-client.tgz, then its CLI prints a token", async ({ page, owner }, testInfo) => {
  const cluster = await createCluster(owner.organizationId, "Token client cluster");
  const origin = `http://localhost:${process.env.E2E_PORT}`;
  const tarballUrl = `${origin}/downloads/token-client.tgz`;

  // The Overview tells users exactly this URL.
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("tab", { name: "Node.js", exact: true }).click();
  await expect(page.getByText(`npm install ${tarballUrl}`)).toBeVisible();

  // Served without a session (npm has none), as a gzip tarball.
  const res = await fetch(tarballUrl, { redirect: "manual" });
  expect(res.status).toBe(200);
  expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);

  const { clientId, envFile } = await createClientAndDownloadEnv(page, cluster.id, "curl-user", testInfo);

  const project = mkdtempSync(path.join(os.tmpdir(), "cc-token-client-install-"));
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "install-check", private: true, type: "module" }));
  const npmEnv = {
    NODE_ENV: "test" as const,
    PATH: process.env.PATH,
    HOME: project,
    npm_config_cache: path.join(project, ".npm"),
    // Nothing but the tarball may be needed: any registry request would fail.
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  execFileSync("npm", ["install", "--ignore-scripts", tarballUrl], { cwd: project, env: npmEnv, stdio: "pipe", timeout: 60_000 });
  const installed = JSON.parse(readFileSync(path.join(project, "node_modules/@cluster-console/token-client/package.json"), "utf8"));
  expect(installed).toMatchObject({ name: "@cluster-console/token-client", bin: { "cluster-console-token": "./dist/cli.js" } });
  expect(installed.dependencies ?? {}).toEqual({});

  const run = (script: string) =>
    execFileSync("bash", ["--noprofile", "--norc", "-c", `set -euo pipefail; source "$1"; ${script}`, "bash", envFile], {
      cwd: project,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: project },
      timeout: 30_000,
    })
      .toString()
      .trim();

  const token = run("./node_modules/.bin/cluster-console-token --no-cache");
  expect(decodeJwt(token)).toMatchObject({ sub: clientId, cluster_id: cluster.id, aud: "zeebe.camunda.io" });

  // And as a library, by its package name.
  const fromLibrary = run(
    `node --input-type=module -e 'import { TokenClient } from "@cluster-console/token-client"; console.log(await new TokenClient({ cacheDir: false }).getToken())'`,
  );
  expect(decodeJwt(fromLibrary)).toMatchObject({ sub: clientId });
});
