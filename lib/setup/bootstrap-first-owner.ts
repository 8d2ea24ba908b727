// ADMIN_EMAIL + ADMIN_PASSWORD (+ ADMIN_ORG_NAME) create the first owner at
// start-up, for scripted installs. Does nothing once any user exists.
import { setupSchema } from "@/lib/members/schemas";
import { createFirstOwner, hasAnyUser } from "@/lib/setup/create-first-owner";
import { AppError } from "@/lib/errors";
import type { Config } from "@/lib/config";

type FirstOwnerSettings = Partial<Pick<Config, "PUBLIC_URL" | "ADMIN_EMAIL" | "ADMIN_PASSWORD" | "ADMIN_NAME" | "ADMIN_ORG_NAME">>;

export async function bootstrapFirstOwner(env: FirstOwnerSettings): Promise<string> {
  if (await hasAnyUser()) return "accounts: set up";
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) {
    return `accounts: none yet; open ${env.PUBLIC_URL}/setup to create the first owner`;
  }
  const parsed = setupSchema.safeParse({
    organizationName: env.ADMIN_ORG_NAME ?? "My organization",
    name: env.ADMIN_NAME ?? env.ADMIN_EMAIL?.split("@")[0] ?? "",
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
  });
  if (!parsed.success) {
    const names: Record<string, string> = { organizationName: "ADMIN_ORG_NAME", name: "ADMIN_NAME", email: "ADMIN_EMAIL", password: "ADMIN_PASSWORD" };
    const problems = parsed.error.issues.map((i) => `${names[String(i.path[0])]}: ${i.message}`);
    throw new Error(`Cannot create the first owner from the environment: ${problems.join("; ")}`);
  }
  try {
    await createFirstOwner(parsed.data);
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return "accounts: set up";
    throw err;
  }
  return `accounts: created owner ${parsed.data.email} from ADMIN_EMAIL`;
}
