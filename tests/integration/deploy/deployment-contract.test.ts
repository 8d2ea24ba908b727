// The deployment files (Dockerfile, compose.yaml, deploy/kubernetes) agree
// with the code: every variable they set is one lib/config.ts reads, every
// variable production requires is provided, probe paths and ports are the
// server's, and the Kubernetes objects validate against the Kubernetes API's
// own JSON Schemas (kubernetes-models). No container runtime needed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import * as apps from "kubernetes-models/apps/v1";
import * as autoscaling from "kubernetes-models/autoscaling/v2";
import * as core from "kubernetes-models/v1";
import * as policy from "kubernetes-models/policy/v1";
import { CONFIG_VARIABLES, parseConfig } from "@/lib/config";
import { OPS_PATHS } from "@/lib/ops/ops-endpoints";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
/** What production refuses to start without (besides DATABASE_URL, which the start-up requires). */
const REQUIRED_IN_PRODUCTION = ["DATABASE_URL", "NEXTAUTH_SECRET", "KEY_ENCRYPTION_KEY"];
/** The drain after SIGTERM (scripts/start-up/steps.ts, drainOnSignals). */
const DRAIN_SECONDS = 10;

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const final = stages.at(-1)!;

  it("builds in stages on the official Node.js LTS slim image, and runs the compiled server as a non-root user", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^node:(22|24)-[a-z]+-slim\b/);
    // The final stage takes only build output and production dependencies, never the source tree.
    expect(final).not.toMatch(/^COPY \. /m);
    expect(final).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev --omit=optional/);
    expect(read("scripts/container-start.sh")).toMatch(/exec node dist\/server\/serve\.js/);
    expect(final).not.toMatch(/tsx/);
  });

  it("exposes the server's port, checks /healthz, and stops with SIGTERM (the drain)", () => {
    const port = Number(/^EXPOSE (\d+)$/m.exec(final)?.[1]);
    expect(port).toBe(Number(/PORT=(\d+)/.exec(final)?.[1]));
    expect(final).toMatch(/^STOPSIGNAL SIGTERM$/m);
    const healthcheck = /^HEALTHCHECK[\s\S]*?\n(?!\s)/m.exec(final)?.[0] ?? "";
    const probe = /\/(healthz|readyz)/.exec(healthcheck)?.[0];
    expect(probe && OPS_PATHS.has(probe)).toBe(true);
  });

  it("sets only variables the configuration knows, and bakes in no secret", () => {
    const env = [...final.matchAll(/^ENV ([\s\S]*?)(?<!\\)\n/gm)].flatMap((m) => [...m[1]!.matchAll(/([A-Z_]+)=/g)].map((v) => v[1]!));
    expect(env.length).toBeGreaterThan(0);
    for (const name of env) expect(CONFIG_VARIABLES.concat("NEXT_TELEMETRY_DISABLED")).toContain(name);
    for (const secret of REQUIRED_IN_PRODUCTION.concat("ADMIN_PASSWORD", "METRICS_TOKEN")) expect(dockerfile).not.toMatch(new RegExp(`${secret}=`));
  });

  it("keeps build output and local secrets out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [".git", "node_modules", ".next", "dist", ".data", ".env"]) expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  const compose = parseAllDocuments(read("compose.yaml"))[0]!.toJS() as {
    services: Record<string, { environment?: Record<string, string>; healthcheck?: { test: string[] }; ports?: string[]; read_only?: boolean; depends_on?: unknown }>;
    volumes: Record<string, unknown>;
  };
  const console = compose.services.console!;
  const example = Object.fromEntries(
    read(".env.compose.example")
      .split("\n")
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );

  it("runs the console beside PostgreSQL and Redis, each with a health check, the database on a named volume", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["console", "postgres", "redis"]);
    for (const s of Object.values(compose.services)) expect(s.healthcheck?.test.length).toBeGreaterThan(0);
    expect(Object.keys(compose.volumes)).toContain("postgres-data");
    expect(console.read_only).toBe(true);
    const probe = /\/(healthz|readyz)/.exec(console.healthcheck!.test.join(" "))?.[0];
    expect(probe && OPS_PATHS.has(probe)).toBe(true);
    expect(console.ports).toContain(`${console.environment!.PORT}:${console.environment!.PORT}`);
  });

  it("gives the console only known variables, and every one production requires", () => {
    const fromEnvFile = Object.keys(example).filter((k) => k !== "POSTGRES_PASSWORD");
    for (const name of [...Object.keys(console.environment!), ...fromEnvFile]) expect(CONFIG_VARIABLES).toContain(name);
    for (const name of REQUIRED_IN_PRODUCTION) expect([...Object.keys(console.environment!), ...fromEnvFile]).toContain(name);
  });

  it("starts a production configuration once the example's secrets are filled in", () => {
    const filled = { ...example, KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), NEXTAUTH_SECRET: "n".repeat(40) };
    // Compose's own interpolation from .env: ${NAME:-default} and ${NAME:?message}.
    const interpolate = (v: string) =>
      v.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
        const value = filled[name as keyof typeof filled];
        if (value) return value;
        if (op === "?") throw new Error(arg);
        return arg ?? "";
      });
    const environment = Object.fromEntries(Object.entries(console.environment!).map(([k, v]) => [k, interpolate(v)]));
    const cfg = parseConfig({ ...filled, ...environment, NODE_ENV: "production" });
    expect(cfg.DATABASE_URL).toBe("postgres://console:change-me@postgres:5432/console");
    expect(cfg.REDIS_URL).toBe("redis://redis:6379");
    expect(cfg.PORT).toBe(3000);
  });
});

describe("Kubernetes manifests (deploy/kubernetes)", () => {
  const dir = path.join(root, "deploy/kubernetes");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
  const objects = files.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(dir, file), "utf8")).map((d) => ({ file, object: d.toJS() as { apiVersion: string; kind: string } })),
  );
  const models: Record<string, new (o: never) => { validate(): void }> = {
    "apps/v1/Deployment": apps.Deployment,
    "v1/Service": core.Service,
    "v1/Secret": core.Secret,
    "policy/v1/PodDisruptionBudget": policy.PodDisruptionBudget,
    "autoscaling/v2/HorizontalPodAutoscaler": autoscaling.HorizontalPodAutoscaler,
  };
  type Container = {
    args: string[];
    ports: { name: string; containerPort: number }[];
    env: { name: string; value?: string; valueFrom?: unknown }[];
    livenessProbe: { httpGet: { path: string; port: string } };
    readinessProbe: { httpGet: { path: string; port: string } };
    securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean };
    volumeMounts: { mountPath: string }[];
    resources: { requests: object };
  };
  type DeploymentSpec = { spec: { template: { spec: { terminationGracePeriodSeconds: number; securityContext: { runAsNonRoot: boolean }; containers: Container[] } } } };
  const deployments = objects.filter((o) => o.object.kind === "Deployment").map((o) => o.object as unknown as DeploymentSpec & { metadata: { name: string } });

  it("validates every object against the Kubernetes API's JSON Schemas", () => {
    const kinds = objects.filter((o) => o.object.kind !== "Kustomization");
    expect(kinds.length).toBeGreaterThanOrEqual(7);
    for (const { file, object } of kinds) {
      const Model = models[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${file}: ${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate(), file).not.toThrow();
    }
  });

  it("lists only files that exist in each kustomization", () => {
    for (const { file, object } of objects.filter((o) => o.object.kind === "Kustomization")) {
      for (const resource of (object as unknown as { resources: string[] }).resources) {
        const target = path.join(dir, path.dirname(file), resource);
        expect(() => readdirSync(path.dirname(target)), `${file} -> ${resource}`).not.toThrow();
        expect(readdirSync(path.dirname(target))).toContain(path.basename(target));
      }
    }
  });

  it("probes the server's own paths on its port, drains within the grace period, and runs locked down", () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(["cluster-console", "cluster-console-tokens"]);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(DRAIN_SECONDS);
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      for (const c of pod.containers) {
        expect(["start", "tokens"]).toContain(c.args[0]);
        expect(OPS_PATHS.has(c.livenessProbe.httpGet.path)).toBe(true);
        expect(c.readinessProbe.httpGet.path).toBe("/readyz");
        const port = c.env.find((e) => e.name === "PORT")?.value;
        expect(c.ports.find((p) => p.name === c.readinessProbe.httpGet.port)?.containerPort).toBe(Number(port));
        expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
        // The one writable place the image needs (Next.js's cache lives under /tmp).
        expect(c.volumeMounts.map((m) => m.mountPath)).toEqual(["/tmp"]);
        expect(c.resources.requests).toBeDefined();
      }
    }
  });

  it("sets only known variables, takes every secret production requires from a Secret, and never inlines one", () => {
    for (const d of deployments) {
      for (const c of d.spec.template.spec.containers) {
        for (const e of c.env) expect(CONFIG_VARIABLES).toContain(e.name);
        for (const name of REQUIRED_IN_PRODUCTION) {
          const entry = c.env.find((e) => e.name === name);
          expect(entry?.valueFrom, name).toMatchObject({ secretKeyRef: { name: "cluster-console", key: name } });
        }
      }
    }
  });
});
