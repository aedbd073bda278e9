import { CaSharing, ramPrincipalKind } from "../../../modules/private-ca/ca-sharing";
import { synth, testStack } from "../../support/synth";

const ORG = "arn:aws:organizations::111111111111:organization/o-abcdef1234";
const OU = "arn:aws:organizations::111111111111:ou/o-abcdef1234/ou-ab12-cdef5678";
const CA =
  "arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/12345678-1234-1234-1234-123456789abc";

describe("CaSharing", () => {
  test("principal kinds", () => {
    expect(ramPrincipalKind("222222222222")).toBe("Account");
    expect(ramPrincipalKind(ORG)).toBe("Organization");
    expect(ramPrincipalKind(OU)).toBe("OrganizationalUnit");
    expect(ramPrincipalKind("2222")).toBeUndefined();
    expect(ramPrincipalKind("arn:aws:iam::222222222222:root")).toBeUndefined();
  });

  test("one share, the CA associated, one association per principal keyed by principal", () => {
    const { stack } = testStack();
    const sharing = new CaSharing(stack, "Sharing", {
      certificateAuthorityArn: CA,
      principals: ["222222222222", ORG, OU],
      name: "issuing-ca",
      permissionArns: ["arn:aws:ram::aws:permission/AWSRAMDefaultPermissionCertificateAuthority"],
      tags: { team: "pki" },
    });
    const out = synth(stack);
    expect(out.list("aws_ram_resource_share")[0]).toMatchObject({
      name: "issuing-ca",
      allow_external_principals: false,
      permission_arns: ["arn:aws:ram::aws:permission/AWSRAMDefaultPermissionCertificateAuthority"],
      tags: { team: "pki" },
    });
    expect(out.list("aws_ram_resource_association")[0].resource_arn).toBe(CA);
    expect(
      out
        .list("aws_ram_principal_association")
        .map((a) => a.principal)
        .sort(),
    ).toEqual(["222222222222", ORG, OU].sort());
    expect([...sharing.principalAssociations.keys()]).toEqual(["222222222222", ORG, OU]);
    expect(sharing.principalAssociations.get(OU)?.node.id).toBe(
      "OrganizationalUnit-ou-ab12-cdef5678",
    );
    expect(sharing.principalAssociations.get("222222222222")?.node.id).toBe("Account-222222222222");
  });

  test("rejects no principals, bad principals and repeats", () => {
    const { stack } = testStack();
    expect(
      () => new CaSharing(stack, "A", { certificateAuthorityArn: CA, principals: [] }),
    ).toThrow(/sharing\.principals must list at least one/);
    expect(
      () => new CaSharing(stack, "B", { certificateAuthorityArn: CA, principals: ["22222"] }),
    ).toThrow(/sharing\.principals\[0\] must be a 12-digit account id, .* got "22222"/);
    expect(
      () =>
        new CaSharing(stack, "C", {
          certificateAuthorityArn: CA,
          principals: ["222222222222", "222222222222"],
        }),
    ).toThrow(/must not repeat a principal, got "222222222222" more than once/);
  });
});
