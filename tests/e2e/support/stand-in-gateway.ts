// A stand-in Zeebe gateway for the browser tests: it trusts our tokens the
// way a real resource server configured with an issuer URI does (Spring's
// issuer-uri, Camunda 8.8's OIDC settings). It reads the issuer's discovery
// document, checks that its `issuer` is the configured one, fetches keys from
// its `jwks_uri`, and accepts a bearer token only with a valid signature, that
// issuer, an accepted audience, an unexpired `exp`, and (when configured) the
// cluster's `cluster_id`. It answers the topology over REST (GET /v2/topology)
// and gRPC (gateway_protocol.Gateway/Topology, plaintext).
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";

export interface GatewayOptions {
  issuer: string;
  audiences: string[];
  /** Require this cluster_id claim (a gateway on the shared audience must). */
  clusterId?: string;
}

export interface GatewayCall {
  via: "rest" | "grpc";
  ok: boolean;
  reason?: string;
  claims?: JWTPayload;
}

export interface StandInGateway {
  restAddress: string;
  grpcAddress: string;
  calls: GatewayCall[];
  close(): Promise<void>;
}

const TOPOLOGY = {
  brokers: [{ nodeId: 0, host: "stand-in", port: 26501, partitions: [{ partitionId: 1, role: "leader", health: "healthy" }], version: "8.8.0" }],
  clusterSize: 1,
  partitionsCount: 1,
  replicationFactor: 1,
  gatewayVersion: "8.8.0",
  lastCompletedChangeId: "-1",
};

export async function startStandInGateway(opts: GatewayOptions): Promise<StandInGateway> {
  // Discovery, as issuer-uri resolvers do it.
  const res = await fetch(`${opts.issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`discovery failed: ${res.status}`);
  const metadata = (await res.json()) as { issuer?: string; jwks_uri?: string };
  if (metadata.issuer !== opts.issuer) throw new Error(`issuer mismatch: ${metadata.issuer} != ${opts.issuer}`);
  if (!metadata.jwks_uri) throw new Error("no jwks_uri");
  const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
  const calls: GatewayCall[] = [];

  async function authorize(via: GatewayCall["via"], header: string | undefined): Promise<boolean> {
    const token = /^Bearer (.+)$/.exec(header ?? "")?.[1];
    if (!token) {
      calls.push({ via, ok: false, reason: "no bearer token" });
      return false;
    }
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: opts.issuer, audience: opts.audiences, requiredClaims: ["exp"] });
      if (opts.clusterId && payload.cluster_id !== opts.clusterId) throw new Error("another cluster's token");
      calls.push({ via, ok: true, claims: payload });
      return true;
    } catch (err) {
      calls.push({ via, ok: false, reason: (err as Error).message });
      return false;
    }
  }

  const rest = http.createServer((req, res) => {
    void (async () => {
      if (req.method === "GET" && req.url === "/v2/topology") {
        if (await authorize("rest", req.headers.authorization)) {
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(TOPOLOGY));
        } else {
          res.writeHead(401, { "content-type": "application/problem+json" }).end(JSON.stringify({ title: "Unauthorized", status: 401 }));
        }
        return;
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((r) => rest.listen(0, "127.0.0.1", r));

  const definition = protoLoader.loadSync(path.join(process.cwd(), "node_modules/@camunda8/sdk/dist/proto/zeebe.proto"), {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const proto = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: { service: grpc.ServiceDefinition } };
  };
  const grpcServer = new grpc.Server();
  grpcServer.addService(proto.gateway_protocol.Gateway.service, {
    Topology: (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const header = call.metadata.get("authorization")[0];
      void authorize("grpc", typeof header === "string" ? header : undefined).then((ok) =>
        ok
          ? callback(null, { ...TOPOLOGY, brokers: TOPOLOGY.brokers.map((b) => ({ ...b, partitions: b.partitions.map((p) => ({ ...p, role: "LEADER", health: "HEALTHY" })) })) })
          : callback({ code: grpc.status.UNAUTHENTICATED, details: "invalid token" }),
      );
    },
  });
  const grpcPort = await new Promise<number>((resolve, reject) =>
    grpcServer.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
  );

  return {
    restAddress: `http://127.0.0.1:${(rest.address() as AddressInfo).port}`,
    grpcAddress: `grpc://127.0.0.1:${grpcPort}`,
    calls,
    async close() {
      rest.closeAllConnections();
      await new Promise((r) => rest.close(r));
      grpcServer.forceShutdown();
    },
  };
}
