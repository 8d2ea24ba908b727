"use client";
// The organization page's sections, one route per organization-wide setting.
import { RouteTabs } from "@/components/ui/route-tabs";

const TABS = [
  { value: "administration-api", label: "Administration API", href: "/organization/administration-api" },
  { value: "secrets", label: "Client secrets", href: "/organization/secrets" },
  { value: "single-sign-on", label: "Single sign-on", href: "/organization/single-sign-on" },
] as const;

export function OrganizationTabs({ children }: { children: React.ReactNode }) {
  return (
    <RouteTabs label="Organization sections" tabs={TABS}>
      {children}
    </RouteTabs>
  );
}
