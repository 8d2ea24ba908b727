// /clusters: list, create, parameters, get, rename, delete - through the same
// domain functions as the console's pages and actions.
import "server-only";
import { z } from "zod";
import { AppError, notFound } from "@/lib/errors";
import { listClusters } from "@/lib/clusters/list-clusters";
import { getCluster } from "@/lib/clusters/get-cluster";
import { createCluster } from "@/lib/clusters/create-cluster";
import { updateCluster } from "@/lib/clusters/update-cluster";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { defineOperation } from "@/lib/admin-api/operation";
import { CHANNEL, GENERATION, PLAN_TYPE, clusterParameters, clusterView } from "@/lib/admin-api/cluster-view";
import * as s from "@/lib/admin-api/schemas";

const mustBe = (field: string, given: string | undefined, known: { uuid: string; name: string }) =>
  given === undefined || given === known.uuid ? [] : [[field, [`Use ${known.uuid} (${known.name}) from GET /clusters/parameters.`]] as const];

export const clusterOperations = [
  defineOperation({
    operationId: "GetClusters",
    method: "GET",
    path: "/clusters",
    summary: "List the organization's clusters",
    permission: "CLUSTERS_GET",
    response: { status: 200, schema: z.array(s.cluster), description: "All clusters of the organization, newest first." },
    run: async ({ principal }) => (await listClusters(principal.organizationId)).map(clusterView),
  }),
  defineOperation({
    operationId: "CreateCluster",
    method: "POST",
    path: "/clusters",
    summary: "Create a cluster",
    permission: "CLUSTERS_CREATE",
    body: s.createClusterBody,
    conflictTitle: "Cluster names must be unique",
    fieldNames: { region: "regionId" },
    response: { status: 200, schema: s.createClusterResponse, description: "The new cluster's ID." },
    run: async ({ principal, body }) => {
      const wrong = [
        ...mustBe("planTypeId", body.planTypeId, PLAN_TYPE),
        ...mustBe("channelId", body.channelId, CHANNEL),
        ...mustBe("generationId", body.generationId, GENERATION),
      ];
      if (wrong.length) throw new AppError("invalid_input", "Invalid request", Object.fromEntries(wrong.map(([k, v]) => [k, [...v]])));
      const cluster = await createCluster(principal, { name: body.name, description: body.description, region: body.regionId });
      return { clusterId: cluster.id };
    },
  }),
  defineOperation({
    operationId: "GetParameters",
    method: "GET",
    path: "/clusters/parameters",
    summary: "The options a cluster can be created with",
    permission: "CLUSTERS_GET",
    response: { status: 200, schema: s.parameters, description: "Regions, plan types and channels." },
    run: async () => clusterParameters(),
  }),
  defineOperation({
    operationId: "GetCluster",
    method: "GET",
    path: "/clusters/{clusterUuid}",
    summary: "Get a cluster",
    permission: "CLUSTERS_GET",
    params: s.clusterUuidParam,
    response: { status: 200, schema: s.cluster, description: "The cluster." },
    run: async ({ principal, params }) => {
      const cluster = await getCluster(principal.organizationId, params.clusterUuid);
      if (!cluster) throw notFound("Cluster");
      return clusterView(cluster);
    },
  }),
  defineOperation({
    operationId: "UpdateCluster",
    method: "PATCH",
    path: "/clusters/{clusterUuid}",
    summary: "Rename a cluster or change its description",
    permission: "CLUSTERS_UPDATE",
    params: s.clusterUuidParam,
    body: s.updateClusterBody,
    conflictTitle: "Cluster names must be unique",
    response: { status: 204, description: "Saved (or nothing to change)." },
    run: async ({ principal, params, body }) => {
      await updateCluster(principal, { clusterId: params.clusterUuid, name: body.name, description: body.description });
    },
  }),
  defineOperation({
    operationId: "DeleteCluster",
    method: "DELETE",
    path: "/clusters/{clusterUuid}",
    summary: "Delete a cluster",
    description: "Its API clients stop working at once.",
    permission: "CLUSTERS_DELETE",
    params: s.clusterUuidParam,
    response: { status: 204, description: "Deleted." },
    run: async ({ principal, params }) => {
      await deleteCluster(principal, { clusterId: params.clusterUuid, confirmName: null });
    },
  }),
];
