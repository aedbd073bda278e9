// Every example stack, by stack name (which is also its folder name). main.ts registers them
// all; the plan tests plan them all.
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { albHttps } from "./alb-https/main";
import { apiGatewayHttp } from "./api-gateway-http/main";
import { apiGatewayRest } from "./api-gateway-rest/main";
import { cloudfront } from "./cloudfront/main";
import { dnsValidatedCertificate } from "./dns-validated-certificate/main";
import { elasticBeanstalk } from "./elastic-beanstalk/main";
import { existingEstate } from "./existing-estate/main";
import { importedCertificate } from "./imported-certificate/main";
import { monitoring } from "./monitoring/main";
import { multiZoneCrossAccount } from "./multi-zone-cross-account/main";
import { mtlsAlb } from "./mtls-alb/main";
import { mtlsApiGateway } from "./mtls-api-gateway/main";
import { nlbTls } from "./nlb-tls/main";
import { privateCa } from "./private-ca/main";
import { splitDns } from "./split-dns/main";

export const examples: Readonly<Record<string, (scope: Construct) => TerraformStack>> = {
  "alb-https": albHttps,
  "api-gateway-http": apiGatewayHttp,
  "api-gateway-rest": apiGatewayRest,
  cloudfront: cloudfront,
  "dns-validated-certificate": dnsValidatedCertificate,
  "elastic-beanstalk": elasticBeanstalk,
  "existing-estate": existingEstate,
  "imported-certificate": importedCertificate,
  monitoring: monitoring,
  "multi-zone-cross-account": multiZoneCrossAccount,
  "mtls-alb": mtlsAlb,
  "mtls-api-gateway": mtlsApiGateway,
  "nlb-tls": nlbTls,
  "private-ca": privateCa,
  // Three stacks (certificate, DNS records, validation); the one named after the folder is the
  // last, and registering it registers the other two.
  "split-dns": (scope) => splitDns(scope).validation,
};
