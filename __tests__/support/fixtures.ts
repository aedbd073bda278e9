/**
 * Expected values and fixtures that more than one test file states: written once, literally, so
 * the files cannot drift apart.
 */

/** A manifest as cdktf writes it (`cdktf.out/manifest.json`): stacks by name, dependencies as construct paths. */
export function cdktfManifest(deps: Record<string, string[]>) {
  return {
    version: "0.21.0",
    stacks: Object.fromEntries(
      Object.entries(deps).map(([name, dependencies]) => [
        name,
        {
          name,
          constructPath: name,
          dependencies,
          synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
          workingDirectory: `stacks/${name}`,
          annotations: [],
        },
      ]),
    ),
  };
}

/** Stack dependencies of a diamond, dns <- (edge, regional) <- app, plus two independent stacks. */
export const DIAMOND_DEPENDENCIES: Record<string, string[]> = {
  app: ["edge", "regional"],
  edge: ["dns"],
  regional: ["dns"],
  dns: [],
  monitoring: [],
  "private-ca": [],
};

/** What examples/alb-https plans, as `changeSummary` lists it (type:action, sorted). */
export const ALB_HTTPS_PLANNED_CHANGES: readonly string[] = [
  "aws_acm_certificate:create",
  "aws_acm_certificate:create",
  "aws_acm_certificate_validation:create",
  "aws_acm_certificate_validation:create",
  "aws_lb_listener:create",
  "aws_lb_listener:create",
  "aws_lb_listener_certificate:create",
  ...Array(9).fill("aws_route53_record:create"), // 3 validation + 3 names x (A, AAAA)
];
