import { redirect } from "next/navigation";

// The organization page opens on its (first and only) tab.
export default function OrganizationPage() {
  redirect("/organization/administration-api");
}
