// Where the connector runtime reads a cluster's connector secrets: Camunda's
// console secret provider (camunda.connector.secretprovider.console.*) GETs
// this URL with a Bearer token for the Secrets audience and expects a JSON
// object of name -> value. Plain data.
export const CONNECTOR_SECRETS_PATH = "/cluster-api/secrets";

export const connectorRuntimeSecretsEndpoint = (publicUrl: string) => `${publicUrl.replace(/\/+$/, "")}${CONNECTOR_SECRETS_PATH}`;
