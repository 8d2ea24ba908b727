// Runs inside a shell that has `source`d a downloaded credentials file: the
// official Camunda Node SDK, configured from the environment alone, asks for a
// Zeebe token twice. Prints both authorization headers as JSON.
import { Auth } from "@camunda8/sdk";

const provider = new Auth.OAuthProvider();
const first = await provider.getHeaders("ZEEBE");
const second = await provider.getHeaders("ZEEBE");
console.log(JSON.stringify({ first: first.authorization, second: second.authorization }));
