// Template: an HTTPS listener on an existing Application Load Balancer that requires client
// certificates (mTLS "verify"). A private CA hierarchy signs the client certificates; its CA
// certificates go into a versioned S3 bundle that an ALB trust store reads, pinned to the
// bundle's object version. The server certificate is a public, DNS-validated ACM certificate.
// Copy this folder into a cdktf project and change the import below to the package name.
import { Construct } from "constructs";
import { MtlsAlbStack, MtlsAlbStackProps, runApp } from "../../stacks";

export const STACK_NAME = "mtls-alb";

/** The example's inputs: every value to change when you copy this template. */
export const config: MtlsAlbStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  loadBalancerArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/partner-api/0123456789abcdef",
  targetGroupArn:
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/partner-api/0123456789abcdef",
  certificate: { domainName: "partners.example.com" },
  hostNames: ["partners.example.com"],
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  redirectHttp: false,
  loadBalancerDns: {
    dnsName: "partner-api-1234567890.eu-west-1.elb.amazonaws.com",
    // The canonical hosted zone id of Application Load Balancers in eu-west-1.
    zoneId: "Z32O12XQLNTSW2",
  },
  pki: {
    root: {
      subject: {
        commonName: "Example Corp Partner Root CA G1",
        organization: "Example Corp",
        country: "NL",
      },
      keyAlgorithm: "RSA_4096",
      signingAlgorithm: "SHA512WITHRSA",
    },
    subordinates: [
      {
        name: "Clients",
        parent: "Root",
        subject: {
          commonName: "Example Corp Partner Client CA G1",
          organization: "Example Corp",
          country: "NL",
        },
        keyAlgorithm: "RSA_2048",
      },
    ],
    crl: {
      bucketName: "example-corp-partner-crl-111111111111",
      accountId: "111111111111",
    },
  },
  trustStore: {
    bucketName: "example-corp-partner-truststore-111111111111",
    key: "alb/ca-bundle.pem",
    trustStoreName: "partner-api-clients",
  },
  mutualAuthentication: { mode: "verify", advertiseTrustStoreCaNames: true },
};

export function mtlsAlb(scope: Construct, props: MtlsAlbStackProps = config): MtlsAlbStack {
  return new MtlsAlbStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => mtlsAlb(app));
