import { Testing } from "cdktf";
import { privateCa } from "../../examples/private-ca/main";
import {
  configOf,
  describeWithTerraform,
  ofType,
  planStack,
  PlanResult,
  providerKeyOf,
  referencesOf,
  ResourceChange,
  changeSummary,
} from "../support/plan";

describeWithTerraform("plan: examples/private-ca", () => {
  let plan: PlanResult;
  let rootCa: ResourceChange;
  let issuingCa: ResourceChange;
  let rootCert: ResourceChange;
  let issuingCert: ResourceChange;

  beforeAll(async () => {
    plan = await planStack(privateCa(Testing.app()));
    const cas = ofType(plan, "aws_acmpca_certificate_authority");
    rootCa = cas.find((c) => c.change.after?.type === "ROOT") as ResourceChange;
    issuingCa = cas.find((c) => c.change.after?.type === "SUBORDINATE") as ResourceChange;
    const certs = ofType(plan, "aws_acmpca_certificate");
    const signedBy = (ca: ResourceChange) =>
      certs.filter((c) =>
        referencesOf(plan, c.address, "certificate_signing_request").includes(
          `${ca.address}.certificate_signing_request`,
        ),
      );
    [rootCert] = signedBy(rootCa);
    [issuingCert] = signedBy(issuingCa);
  });

  test("plans a root, one issuing CA, their certificates and installs, the CRL bucket, the permission, the certificate and the listener", () => {
    const summary = changeSummary(plan);
    expect(summary).toEqual([
      "aws_acm_certificate:create",
      "aws_acmpca_certificate:create",
      "aws_acmpca_certificate:create",
      "aws_acmpca_certificate_authority:create",
      "aws_acmpca_certificate_authority:create",
      "aws_acmpca_certificate_authority_certificate:create",
      "aws_acmpca_certificate_authority_certificate:create",
      "aws_acmpca_permission:create",
      "aws_lb_listener:create",
      "aws_s3_bucket:create",
      "aws_s3_bucket_ownership_controls:create",
      "aws_s3_bucket_policy:create",
      "aws_s3_bucket_public_access_block:create",
    ]);
    for (const c of plan.resourceChanges) expect(providerKeyOf(plan, c.address)).toBe("aws");
  });

  test("the CAs: ROOT and SUBORDINATE, general purpose, 7-day deletion window, CRL in the bucket", () => {
    expect(rootCa.change.after).toMatchObject({
      type: "ROOT",
      usage_mode: "GENERAL_PURPOSE",
      permanent_deletion_time_in_days: 7,
      certificate_authority_configuration: [
        { key_algorithm: "RSA_4096", signing_algorithm: "SHA512WITHRSA" },
      ],
    });
    expect(issuingCa.change.after).toMatchObject({
      type: "SUBORDINATE",
      usage_mode: "GENERAL_PURPOSE",
      permanent_deletion_time_in_days: 7,
      certificate_authority_configuration: [
        { key_algorithm: "RSA_2048", signing_algorithm: "SHA256WITHRSA" },
      ],
    });
    for (const ca of [rootCa, issuingCa]) {
      expect(ca.change.after?.revocation_configuration).toMatchObject([
        {
          crl_configuration: [
            {
              enabled: true,
              s3_bucket_name: "example-corp-pki-crl-111111111111",
              s3_object_acl: "BUCKET_OWNER_FULL_CONTROL",
              expiration_in_days: 7,
              custom_cname: "crl.pki.example.corp",
            },
          ],
          ocsp_configuration: [{ enabled: false }],
        },
      ]);
      expect(configOf(plan, ca.address).depends_on).toEqual(
        expect.arrayContaining([expect.stringMatching(/^aws_s3_bucket_policy\./)]),
      );
    }
  });

  test("the root self-signs its own CSR through the RootCACertificate/V1 template", () => {
    expect(rootCert.change.after).toMatchObject({
      template_arn: "arn:aws:acm-pca:::template/RootCACertificate/V1",
      signing_algorithm: "SHA512WITHRSA",
      validity: [{ type: "YEARS", value: "10" }],
    });
    expect(referencesOf(plan, rootCert.address, "certificate_authority_arn")).toContain(
      `${rootCa.address}.arn`,
    );
  });

  test("the subordinate is signed by the root, with the path-length-0 template, after the root is installed", () => {
    expect(issuingCert.change.after).toMatchObject({
      template_arn: "arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen0/V1",
      signing_algorithm: "SHA512WITHRSA",
      validity: [{ type: "YEARS", value: "5" }],
    });
    expect(referencesOf(plan, issuingCert.address, "certificate_authority_arn")).toContain(
      `${rootCa.address}.arn`,
    );
    const rootInstall = ofType(plan, "aws_acmpca_certificate_authority_certificate").find((i) =>
      referencesOf(plan, i.address, "certificate_authority_arn").includes(`${rootCa.address}.arn`),
    ) as ResourceChange;
    expect(configOf(plan, issuingCert.address).depends_on).toContain(rootInstall.address);
  });

  test("each CA certificate is installed on its CA, the subordinate's with its chain", () => {
    const installs = ofType(plan, "aws_acmpca_certificate_authority_certificate");
    expect(installs).toHaveLength(2);
    const on = (ca: ResourceChange) =>
      installs.find((i) =>
        referencesOf(plan, i.address, "certificate_authority_arn").includes(`${ca.address}.arn`),
      ) as ResourceChange;
    expect(referencesOf(plan, on(rootCa).address, "certificate")).toContain(
      `${rootCert.address}.certificate`,
    );
    expect(referencesOf(plan, on(issuingCa).address, "certificate")).toContain(
      `${issuingCert.address}.certificate`,
    );
    expect(referencesOf(plan, on(issuingCa).address, "certificate_chain")).toContain(
      `${issuingCert.address}.certificate_chain`,
    );
  });

  test("ACM may issue and renew from the issuing CA", () => {
    const [permission] = ofType(plan, "aws_acmpca_permission");
    expect(permission.change.after).toMatchObject({
      principal: "acm.amazonaws.com",
      actions: ["GetCertificate", "IssueCertificate", "ListPermissions"],
    });
    expect(referencesOf(plan, permission.address, "certificate_authority_arn")).toContain(
      `${issuingCa.address}.arn`,
    );
  });

  test("the CRL bucket blocks public access and lets acm-pca.amazonaws.com write for the account", () => {
    const [bucket] = ofType(plan, "aws_s3_bucket");
    expect(bucket.change.after).toMatchObject({ bucket: "example-corp-pki-crl-111111111111" });
    expect(ofType(plan, "aws_s3_bucket_public_access_block")[0].change.after).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const policy = JSON.parse(
      ofType(plan, "aws_s3_bucket_policy")[0].change.after?.policy as string,
    );
    const allow = policy.Statement.find((s: any) => s.Effect === "Allow");
    expect(allow).toMatchObject({
      Principal: { Service: "acm-pca.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
    });
    expect(allow.Action.sort()).toEqual([
      "s3:GetBucketAcl",
      "s3:GetBucketLocation",
      "s3:PutObject",
      "s3:PutObjectAcl",
    ]);
  });

  test("the private certificate comes from the issuing CA, without validation, once the CA is active", () => {
    const [certificate] = ofType(plan, "aws_acm_certificate");
    expect(certificate.change.after).toMatchObject({
      domain_name: "internal.example.corp",
      key_algorithm: "RSA_2048",
    });
    expect(certificate.change.after?.validation_method ?? null).toBeNull();
    const expressions = configOf(plan, certificate.address).expressions ?? {};
    expect(expressions).not.toHaveProperty("validation_method");
    expect(ofType(plan, "aws_acm_certificate_validation")).toHaveLength(0);
    expect(ofType(plan, "aws_route53_record")).toHaveLength(0);
    expect(referencesOf(plan, certificate.address, "certificate_authority_arn")).toContain(
      `${issuingCa.address}.arn`,
    );
    const dependsOn = configOf(plan, certificate.address).depends_on as string[];
    expect(dependsOn).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_acmpca_certificate_authority_certificate\.Pki_Issuing_/),
        expect.stringMatching(/^aws_acmpca_permission\.Pki_Issuing_/),
      ]),
    );
  });

  test("the internal ALB's HTTPS listener serves the private certificate", () => {
    const [listener] = ofType(plan, "aws_lb_listener");
    const [certificate] = ofType(plan, "aws_acm_certificate");
    expect(listener.change.after).toMatchObject({
      protocol: "HTTPS",
      port: 443,
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      load_balancer_arn:
        "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/internal-alb/0123456789abcdef",
    });
    expect(referencesOf(plan, listener.address, "certificate_arn")).toContain(
      `${certificate.address}.arn`,
    );
  });
});
