import { describe, expect, it } from "vitest";
import { roleChangeConsequence } from "./role-change-consequence";

describe("roleChangeConsequence", () => {
  it("warns an owner who demotes herself that she cannot undo it", () => {
    const r = roleChangeConsequence({ name: "Ada", from: "OWNER", to: "VISITOR", self: true });
    expect(r.title).toBe("Change your own role to Visitor?");
    expect(r.consequence).toContain("only another owner can make you one again");
    expect(r.consequence).toContain("You will no longer be able to manage members, create clusters, delete clusters and create, rotate and revoke API clients.");
    expect(r.danger).toBe(true);
  });

  it("names what granting Owner gives away", () => {
    const r = roleChangeConsequence({ name: "Bob", from: "DEVELOPER", to: "OWNER", self: false });
    expect(r.title).toBe("Make Bob an Owner?");
    expect(r.consequence).toContain("full control of the organization");
    expect(r.consequence).toContain("(yours too)");
    expect(r.danger).toBe(true);
  });

  it("lists gained permissions for an ordinary promotion, without alarm", () => {
    const r = roleChangeConsequence({ name: "Cy", from: "VISITOR", to: "OPERATIONS_ENGINEER", self: false });
    expect(r.title).toBe("Make Cy an Operations engineer?");
    expect(r.consequence).toBe("Cy will be able to create clusters, delete clusters and create, rotate and revoke API clients.");
    expect(r.danger).toBe(false);
  });

  it("says that a demotion withdraws the links the member made", () => {
    const r = roleChangeConsequence({ name: "Ed", from: "ADMIN", to: "DEVELOPER", self: false });
    expect(r.consequence).toContain("Open invitations and password-reset links Ed made stop working.");
    expect(roleChangeConsequence({ name: "Ed", from: "DEVELOPER", to: "ADMIN", self: false }).consequence).not.toContain("links");
  });

  it("says when nothing but the name changes", () => {
    const r = roleChangeConsequence({ name: "Di", from: "DEVELOPER", to: "VISITOR", self: false });
    expect(r.consequence).toBe("Di will keep the same permissions; only the role's name changes.");
  });
});
