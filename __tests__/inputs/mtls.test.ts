// Inputs a new user might give the mTLS constructs and options, through the public API only.
// Bad inputs must fail at synth with a ValidationError naming the property and the value; valid
// but unusual inputs must synthesize with validations on.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Fn, TerraformStack, Testing, Token } from "cdktf";
import { AlbHttpsListener, AlbHttpsListenerProps } from "../../modules/attach/alb-https-listener";
import {
  ApiGatewayHttpDomain,
  ApiGatewayHttpDomainProps,
} from "../../modules/attach/api-gateway-http-domain";
import {
  ApiGatewayRestDomain,
  ApiGatewayRestDomainProps,
} from "../../modules/attach/api-gateway-rest-domain";
import { Certificate } from "../../modules/certificate/certificate";
import { CaBundle, CaBundleSource } from "../../modules/mtls/ca-bundle";
import { TrustStore, TrustStoreProps } from "../../modules/mtls/trust-store";
import { TrustStoreBucket } from "../../modules/mtls/trust-store-bucket";
import { CertificateAuthority } from "../../modules/private-ca/certificate-authority";
import { PrivateCertificate } from "../../modules/private-ca/private-certificate";
import { MtlsAlbStack } from "../../stacks/mtls-alb-stack";
import { config as albConfig } from "../../examples/mtls-alb/main";
import { expectValidationError } from "../support/inputs";
import { dnsCertificate, synth, testStack } from "../support/synth";

const ALB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
const TS_ARN =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:truststore/clients/0123456789abcdef";
const TOKEN = "<token: unknown at synth>";
// A syntactically valid PEM block (the body is not a real certificate: only the shape is checked).
const PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----\n";

function fixture(): { stack: TerraformStack; certificate: Certificate } {
  const { stack } = testStack();
  return { stack, certificate: dnsCertificate(stack, "Site", "example.com", ["*.example.com"]) };
}

function bundleIn(stack: TerraformStack, pem = PEM): CaBundle {
  const bucket = new TrustStoreBucket(stack, "Bucket", { bucketName: "example-truststore" });
  return new CaBundle(stack, "Bundle", { bucket, source: CaBundleSource.fromPem(pem) });
}

function alb(mutual: AlbHttpsListenerProps["mutualAuthentication"]): AlbHttpsListener {
  const { stack, certificate } = fixture();
  return new AlbHttpsListener(stack, "Https", {
    loadBalancerArn: ALB,
    targetGroupArn: TG,
    certificate,
    mutualAuthentication: mutual,
  });
}

function trustStore(extra: Partial<TrustStoreProps> = {}): TrustStore {
  const { stack } = testStack();
  return new TrustStore(stack, "TrustStore", { caBundle: bundleIn(stack), ...extra });
}

function bundle(source: () => CaBundleSource, key?: string, bucket?: string): CaBundle {
  const { stack } = testStack();
  return new CaBundle(stack, "Bundle", {
    bucket: bucket ?? new TrustStoreBucket(stack, "Bucket", { bucketName: "example-truststore" }),
    key,
    source: source(),
  });
}

function privateCertificate(stack: TerraformStack, domainName: string): PrivateCertificate {
  return new PrivateCertificate(stack, "ServerCert", {
    certificateAuthority: new CertificateAuthority(stack, "Ca", {
      type: "ROOT",
      subject: { commonName: "Root" },
      revocation: { crl: false },
    }),
    domainName,
  });
}

function http(
  mutual: (stack: TerraformStack) => ApiGatewayHttpDomainProps["mutualTls"],
  server?: (stack: TerraformStack) => ApiGatewayHttpDomainProps["certificate"],
): ApiGatewayHttpDomain {
  const { stack, certificate } = fixture();
  return new ApiGatewayHttpDomain(stack, "Http", {
    domainName: "api.example.com",
    certificate: server ? server(stack) : certificate,
    apiId: "f6g7h8i9j0",
    stage: "$default",
    mutualTls: mutual(stack),
  });
}

function rest(
  mutual: (stack: TerraformStack) => ApiGatewayRestDomainProps["mutualTls"],
  extra: Partial<ApiGatewayRestDomainProps> = {},
): ApiGatewayRestDomain {
  const { stack, certificate } = fixture();
  return new ApiGatewayRestDomain(stack, "Rest", {
    domainName: "api.example.com",
    certificate,
    restApiId: "a1b2c3d4e5",
    stageName: "prod",
    mutualTls: mutual(stack),
    ...extra,
  });
}

/** [what, build the bad input, strings the message must contain: the property and the value]. */
const BAD: [string, () => unknown, string[]][] = [
  // ALB listener: mutualAuthentication
  [
    "ALB: verify without a trust store",
    () => alb({ mode: "verify" }),
    ["mutualAuthentication.trustStore", "undefined", '"verify"'],
  ],
  [
    "ALB: an unknown mode",
    () => alb({ mode: "required" }),
    ["mutualAuthentication.mode", '"required"'],
  ],
  [
    "ALB: an upper-case mode",
    () => alb({ mode: "VERIFY" }),
    ["mutualAuthentication.mode", '"VERIFY"'],
  ],
  [
    "ALB: a token mode",
    () => alb({ mode: Token.asString(Fn.lower("VERIFY")) }),
    ["mutualAuthentication.mode", TOKEN],
  ],
  [
    "ALB: a trust store with passthrough",
    () => alb({ mode: "passthrough", trustStore: TS_ARN }),
    ["mutualAuthentication.trustStore", '"passthrough"', TS_ARN],
  ],
  [
    "ALB: a trust store with off",
    () => alb({ mode: "off", trustStore: TS_ARN }),
    ["mutualAuthentication.trustStore", '"off"', TS_ARN],
  ],
  [
    "ALB: ignoreClientCertificateExpiry with off",
    () => alb({ mode: "off", ignoreClientCertificateExpiry: true }),
    ["mutualAuthentication.ignoreClientCertificateExpiry", '"off"', "true"],
  ],
  [
    "ALB: ignoreClientCertificateExpiry with passthrough",
    () => alb({ mode: "passthrough", ignoreClientCertificateExpiry: false }),
    ["mutualAuthentication.ignoreClientCertificateExpiry", '"passthrough"', "false"],
  ],
  [
    "ALB: advertiseTrustStoreCaNames with off",
    () => alb({ mode: "off", advertiseTrustStoreCaNames: false }),
    ["mutualAuthentication.advertiseTrustStoreCaNames", '"off"', "false"],
  ],
  [
    "ALB: advertiseTrustStoreCaNames as the API's string",
    () =>
      alb({
        mode: "verify",
        trustStore: TS_ARN,
        advertiseTrustStoreCaNames: "on" as unknown as boolean,
      }),
    ["mutualAuthentication.advertiseTrustStoreCaNames", '"on"'],
  ],
  [
    "ALB: a trust store name instead of its ARN",
    () => alb({ mode: "verify", trustStore: "clients" }),
    ["mutualAuthentication.trustStore", '"clients"'],
  ],
  [
    "ALB: a load balancer ARN as trust store",
    () => alb({ mode: "verify", trustStore: ALB }),
    ["mutualAuthentication.trustStore", ALB],
  ],
  [
    "ALB: mutualAuthentication as a string",
    () => alb("verify" as unknown as AlbHttpsListenerProps["mutualAuthentication"]),
    ["mutualAuthentication", '"verify"'],
  ],
  // Trust store
  [
    "trust store: a name of 33 characters",
    () => trustStore({ trustStoreName: "a".repeat(33) }),
    ["trustStoreName", "33", `"${"a".repeat(33)}"`],
  ],
  [
    "trust store: a name with an underscore",
    () => trustStore({ trustStoreName: "api_clients" }),
    ["trustStoreName", '"api_clients"'],
  ],
  [
    "trust store: a name ending with a hyphen",
    () => trustStore({ trustStoreName: "clients-" }),
    ["trustStoreName", '"clients-"'],
  ],
  [
    "trust store: an empty name",
    () => trustStore({ trustStoreName: "" }),
    ["trustStoreName", '""'],
  ],
  [
    "trust store: a revocation key with a dot",
    () => trustStore({ revocations: { "crl.v1": { bucketName: "example-crl", key: "a.crl" } } }),
    ["revocations key", '"crl.v1"'],
  ],
  [
    "trust store: a revocation bucket with capitals",
    () => trustStore({ revocations: { v1: { bucketName: "Example-CRL", key: "a.crl" } } }),
    ["revocations.v1.bucketName", '"Example-CRL"'],
  ],
  [
    "trust store: a revocation key with a leading slash",
    () => trustStore({ revocations: { v1: { bucketName: "example-crl", key: "/a.crl" } } }),
    ["revocations.v1.key", '"/a.crl"'],
  ],
  [
    "trust store: an existing bundle with an empty version",
    () => {
      const { stack } = testStack();
      return new TrustStore(stack, "T", {
        caBundle: CaBundle.fromObject(stack, "B", {
          bucketName: "example-ca",
          key: "ca.pem",
          versionId: "",
        }),
      });
    },
    ["location.versionId", '""'],
  ],
  [
    "trust store: by ARN, an ARN of another kind",
    () => {
      const { stack } = testStack();
      return TrustStore.fromTrustStoreArn(stack, "T", TG);
    },
    ["trustStoreArn", TG],
  ],
  // CA bundle
  [
    "bundle: a PEM holding a private key",
    () => bundle(() => CaBundleSource.fromPem(PEM + KEY)),
    ["source", "private key"],
  ],
  [
    "bundle: text that is not PEM",
    () => bundle(() => CaBundleSource.fromPem("not a certificate")),
    ["source", '"not a certificate"'],
  ],
  [
    "bundle: a CSR instead of a certificate",
    () => bundle(() => CaBundleSource.fromPem(PEM.replace(/CERTIFICATE/g, "CERTIFICATE REQUEST"))),
    ["source", "CERTIFICATE REQUEST"],
  ],
  [
    "bundle: a file that does not exist",
    () => bundle(() => CaBundleSource.fromFile("/nonexistent/ca.pem")),
    ["source", '"/nonexistent/ca.pem"'],
  ],
  [
    "bundle: no certificate authorities",
    () => bundle(() => CaBundleSource.fromCertificateAuthorities([])),
    ["source", "[]"],
  ],
  [
    "bundle: an externally signed CA awaiting its certificate",
    () => bundle(() => CaBundleSource.fromCertificateAuthorities([{ certificatePem: undefined }])),
    ["source[0]", "undefined"],
  ],
  [
    "bundle: a key with a leading slash",
    () => bundle(() => CaBundleSource.fromPem(PEM), "/ca.pem"),
    ["key", '"/ca.pem"'],
  ],
  [
    "bundle: an existing bucket named like an IP address",
    () => bundle(() => CaBundleSource.fromPem(PEM), "ca.pem", "192.168.1.1"),
    ["bucket", '"192.168.1.1"'],
  ],
  [
    "bucket: a name with capitals",
    () => {
      const { stack } = testStack();
      return new TrustStoreBucket(stack, "B", { bucketName: "Example-Truststore" });
    },
    ["bucketName", '"Example-Truststore"'],
  ],
  // API Gateway
  [
    "REST: mTLS on an EDGE domain",
    () =>
      rest((s) => ({ truststore: bundleIn(s) }), {
        endpointType: "EDGE",
        certificate: Certificate.fromCertificateArn(
          Testing.app(),
          "Edge",
          "arn:aws:acm:us-east-1:111111111111:certificate/12345678-1234-1234-1234-123456789012",
          { region: "us-east-1", domainNames: ["api.example.com"] },
        ),
      }),
    ["mutualTls", '"EDGE"'],
  ],
  [
    "HTTP: a truststore URI over https",
    () => http(() => ({ truststoreUri: "https://example-ca.s3.amazonaws.com/ca.pem" })),
    ["mutualTls.truststoreUri", '"https://example-ca.s3.amazonaws.com/ca.pem"'],
  ],
  [
    "HTTP: a truststore URI without a key",
    () => http(() => ({ truststoreUri: "s3://example-ca" })),
    ["mutualTls.truststoreUri", '"s3://example-ca"'],
  ],
  [
    "REST: a truststore URI with a bad bucket name",
    () => rest(() => ({ truststoreUri: "s3://Example_CA/ca.pem" })),
    ["mutualTls.truststoreUri (bucket)", '"Example_CA"'],
  ],
  ["HTTP: neither truststore nor URI", () => http(() => ({})), ["mutualTls", "neither"]],
  [
    "HTTP: both truststore and URI",
    () => http((s) => ({ truststore: bundleIn(s), truststoreUri: "s3://example-ca/ca.pem" })),
    ["mutualTls", '"s3://example-ca/ca.pem"'],
  ],
  [
    "HTTP: a version beside a CaBundle",
    () => http((s) => ({ truststore: bundleIn(s), truststoreVersion: "v1" })),
    ["mutualTls.truststoreVersion", '"v1"'],
  ],
  [
    "HTTP: a private server certificate without an ownership certificate",
    () =>
      http(
        () => ({ truststoreUri: "s3://example-ca/ca.pem" }),
        (s) => privateCertificate(s, "api.example.com"),
      ),
    ["mutualTls.ownershipVerificationCertificate", "undefined", '"api.example.com"'],
  ],
  [
    "REST: a private server certificate without an ownership certificate",
    () => {
      const { stack } = testStack();
      return new ApiGatewayRestDomain(stack, "Rest", {
        domainName: "api.example.com",
        certificate: privateCertificate(stack, "api.example.com"),
        restApiId: "a1b2c3d4e5",
        stageName: "prod",
        mutualTls: { truststoreUri: "s3://example-ca/ca.pem" },
      });
    },
    ["mutualTls.ownershipVerificationCertificate", "undefined"],
  ],
  [
    "HTTP: a private ownership certificate",
    () =>
      http(
        (s) => ({
          truststoreUri: "s3://example-ca/ca.pem",
          ownershipVerificationCertificate: privateCertificate(s, "api.example.com"),
        }),
        (s) => dnsCertificate(s, "Server", "api.example.com"),
      ),
    ["mutualTls.ownershipVerificationCertificate", "private certificate"],
  ],
  [
    "HTTP: an ownership certificate for another name",
    () =>
      http((s) => ({
        truststoreUri: "s3://example-ca/ca.pem",
        ownershipVerificationCertificate: dnsCertificate(s, "Own", "other.example.org"),
      })),
    ["mutualTls.ownershipVerificationCertificate", "api.example.com"],
  ],
  [
    "HTTP: an ownership certificate in another region",
    () =>
      http((s) => ({
        truststoreUri: "s3://example-ca/ca.pem",
        ownershipVerificationCertificate: Certificate.fromCertificateArn(
          s,
          "Own",
          "arn:aws:acm:us-east-1:111111111111:certificate/12345678-1234-1234-1234-123456789012",
          { region: "us-east-1", domainNames: ["api.example.com"] },
        ),
      })),
    ["mutualTls.ownershipVerificationCertificate", "us-east-1", "eu-west-1"],
  ],
  // Stack
  [
    "stack: a trust store name of 40 characters",
    () =>
      new MtlsAlbStack(Testing.app(), "mtls", {
        ...albConfig,
        trustStore: {
          ...albConfig.trustStore,
          trustStoreName: "partner-api-clients-of-example-corp-2026",
        },
      }),
    ["trustStoreName", '"partner-api-clients-of-example-corp-2026"'],
  ],
];

describe("mTLS inputs: bad ones fail at synth with a ValidationError", () => {
  test("the table holds at least 25 bad inputs", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD)("%s", (_what, build, parts) => {
    expectValidationError(build, parts);
  });
});

describe("mTLS inputs: valid but unusual ones synthesize", () => {
  test("a trust store name of exactly 32 characters", () => {
    const t = trustStore({ trustStoreName: "a".repeat(16) + "-" + "b".repeat(15) });
    const out = synth(t.node.root.node.children[0] as TerraformStack);
    expect(out.list("aws_lb_trust_store")[0].name).toBe("a".repeat(16) + "-" + "b".repeat(15));
  });

  test("a token trust store name passes untouched", () => {
    const t = trustStore({ trustStoreName: Token.asString(Fn.lower("CLIENTS")) });
    const out = synth(t.node.root.node.children[0] as TerraformStack);
    expect(out.list("aws_lb_trust_store")[0].name).toBe('${lower("CLIENTS")}');
  });

  test("off is written explicitly, with nothing else", () => {
    const l = alb({ mode: "off" });
    const out = synth(l.node.root.node.children[0] as TerraformStack);
    expect(out.list("aws_lb_listener")[0].mutual_authentication).toEqual({ mode: "off" });
  });

  test("passthrough takes no trust store", () => {
    const l = alb({ mode: "passthrough" });
    const out = synth(l.node.root.node.children[0] as TerraformStack);
    expect(out.list("aws_lb_listener")[0].mutual_authentication).toEqual({ mode: "passthrough" });
  });

  test("verify with a token trust store ARN and both options", () => {
    const l = alb({
      mode: "verify",
      trustStore: Token.asString(Fn.lower("ARN")),
      ignoreClientCertificateExpiry: true,
      advertiseTrustStoreCaNames: false,
    });
    const out = synth(l.node.root.node.children[0] as TerraformStack);
    expect(out.list("aws_lb_listener")[0].mutual_authentication).toEqual({
      mode: "verify",
      trust_store_arn: '${lower("ARN")}',
      ignore_client_certificate_expiry: true,
      advertise_trust_store_ca_names: "off",
    });
  });

  test("a bundle read from a file, with two certificates and CRLF line ends", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mtls-"));
    try {
      const file = path.join(dir, "ca.pem");
      fs.writeFileSync(file, (PEM + PEM).replace(/\n/g, "\r\n"));
      const b = bundle(() => CaBundleSource.fromFile(file));
      expect(b.certificateCount).toBe(2);
      const out = synth(b.node.root.node.children[0] as TerraformStack);
      expect(out.list("aws_s3_object")[0].content).toBe((PEM + PEM).replace(/\n/g, "\r\n"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a token PEM passes untouched", () => {
    const b = bundle(() => CaBundleSource.fromPem(Token.asString(Fn.file("ca.pem"))));
    expect(b.certificateCount).toBeUndefined();
    const out = synth(b.node.root.node.children[0] as TerraformStack);
    expect(out.list("aws_s3_object")[0].content).toBe('${file("ca.pem")}');
  });

  test("a private server certificate with a public ownership certificate: both ARNs are wired in", () => {
    const d = http(
      (s) => ({
        truststoreUri: "s3://example-ca/ca.pem",
        truststoreVersion: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
        ownershipVerificationCertificate: dnsCertificate(s, "Own", "api.example.com"),
      }),
      (s) => privateCertificate(s, "api.example.com"),
    );
    const out = synth(d.node.root.node.children[0] as TerraformStack);
    const domain = out.list("aws_apigatewayv2_domain_name")[0];
    expect(domain.mutual_tls_authentication).toEqual({
      truststore_uri: "s3://example-ca/ca.pem",
      truststore_version: "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
    });
    expect(domain.domain_name_configuration.ownership_verification_certificate_arn).toMatch(
      /^\$\{aws_acm_certificate_validation\.Own_Validation_[0-9A-F]{8}\.certificate_arn\}$/,
    );
    expect(domain.domain_name_configuration.certificate_arn).toMatch(
      /^\$\{aws_acm_certificate\.ServerCert_/,
    );
  });

  test("REST REGIONAL: an existing truststore object by location", () => {
    const d = rest((s) => ({
      truststore: CaBundle.fromObject(s, "Existing", {
        bucketName: "example-ca",
        key: "deep/path/ca bundle.pem",
        versionId: "v2",
      }),
    }));
    const out = synth(d.node.root.node.children[0] as TerraformStack);
    expect(out.list("aws_api_gateway_domain_name")[0].mutual_tls_authentication).toEqual({
      truststore_uri: "s3://example-ca/deep/path/ca bundle.pem",
      truststore_version: "v2",
    });
    expect(
      out.list("aws_api_gateway_domain_name")[0].ownership_verification_certificate_arn,
    ).toBeUndefined();
  });

  test("a token truststore URI passes untouched", () => {
    const d = http(() => ({ truststoreUri: Token.asString(Fn.lower("S3://X/Y")) }));
    const out = synth(d.node.root.node.children[0] as TerraformStack);
    expect(
      out.list("aws_apigatewayv2_domain_name")[0].mutual_tls_authentication.truststore_uri,
    ).toBe('${lower("S3://X/Y")}');
  });
});
