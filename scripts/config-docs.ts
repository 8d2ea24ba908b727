// `npm run docs:config`: writes docs/configuration.md from lib/config-docs.ts.
import { writeFileSync } from "node:fs";
import { renderConfigurationDoc } from "@/lib/config-docs";

writeFileSync("docs/configuration.md", renderConfigurationDoc());
console.log("docs/configuration.md written");
