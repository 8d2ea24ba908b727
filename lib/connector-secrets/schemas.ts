// Input shapes of the Connector secrets tab's forms (the server actions).
import { z } from "zod";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { secretNameSchema, secretValueSchema } from "@/lib/connector-secrets/names";

export const createConnectorSecretSchema = z.object({ clusterId: clusterIdSchema, name: secretNameSchema, value: secretValueSchema });
export const updateConnectorSecretSchema = createConnectorSecretSchema;
export const deleteConnectorSecretSchema = z.object({ clusterId: clusterIdSchema, name: secretNameSchema });
