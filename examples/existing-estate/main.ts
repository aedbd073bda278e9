// Template: an HTTPS listener on an Application Load Balancer that another Terraform state owns.
// The load balancer, target group and hosted zone are read from that state's outputs
// (terraform_remote_state), and the certificate that the terraform-aws-modules/acm module
// created in this stack's state is taken over with moved blocks instead of being replaced.
// Copy this folder into a cdktf project and change the import below to the package name.
import * as path from "node:path";
import { Construct } from "constructs";
import {
  AlbHttpsEstateStack,
  AlbHttpsEstateStackProps,
  CertificateAdoption,
  RemoteState,
  runApp,
} from "../../stacks";

export const STACK_NAME = "existing-estate";

/**
 * The state that owns the load balancer, the target group and the hosted zone. Here a copy of
 * its outputs that ships with the example (upstream-state.json, copied into the synthesized
 * stack), so that the example plans offline. In your account, read the live state:
 *   RemoteState.s3("upstream", {
 *     bucket: "acme-terraform-state", key: "network/terraform.tfstate", region: "eu-west-1",
 *   })
 */
export const upstream = RemoteState.stateFile(
  "upstream",
  path.join(__dirname, "upstream-state.json"),
);

/** The example's inputs: every value to change when you copy this template. */
export const config: AlbHttpsEstateStackProps = {
  region: "eu-west-1",
  defaultTags: { project: "tls-on-aws", example: STACK_NAME },
  // The zone name stays literal: names are matched to zones at synth.
  hostedZones: [{ zoneId: upstream.getString("hosted_zone_id"), zoneName: "example.com" }],
  loadBalancerArn: upstream.getString("load_balancer_arn"),
  targetGroupArn: upstream.getString("target_group_arn"),
  certificate: { domainName: "example.com", subjectAlternativeNames: ["www.example.com"] },
  hostNames: ["example.com", "www.example.com"],
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  // The estate's load balancer answers on port 80 already.
  redirectHttp: false,
  loadBalancerDns: {
    dnsName: upstream.getString("load_balancer_dns_name"),
    zoneId: upstream.getString("load_balancer_zone_id"),
  },
  adopt: {
    // `module "acm"` (terraform-aws-modules/acm) created the certificate in the state this stack
    // now uses as its backend. The record indexes come from that state: run
    // `terraform state show 'module.acm.aws_route53_record.validation[0]'` and read the name
    // (`_<token>.example.com`), or give { stateFile, moduleAddress } instead of the list.
    // On a state without module.acm these moved blocks do nothing. Remove `adopt` if you never
    // used the module.
    certificate: CertificateAdoption.moveFromAcmModule({
      moduleAddress: "module.acm",
      validationRecords: [
        { index: 0, domainName: "example.com" },
        { index: 1, domainName: "www.example.com" },
      ],
    }),
  },
};

export function existingEstate(
  scope: Construct,
  props: AlbHttpsEstateStackProps = config,
): AlbHttpsEstateStack {
  return new AlbHttpsEstateStack(scope, STACK_NAME, props);
}

if (require.main === module) runApp((app) => existingEstate(app));
