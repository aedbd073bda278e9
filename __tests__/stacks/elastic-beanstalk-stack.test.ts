import { Testing } from "cdktf";
import { ElasticBeanstalkStack } from "../../stacks/elastic-beanstalk-stack";
import { synth } from "../support/synth";

describe("ElasticBeanstalkStack", () => {
  test("creates the environment with HTTPS settings and outputs name, CNAME and certificate", () => {
    const stack = new ElasticBeanstalkStack(Testing.app(), "eb", {
      region: "eu-west-1",
      hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
      certificate: { domainName: "app.example.com" },
      hostNames: ["app.example.com"],
      applicationName: "app",
      environmentName: "app-prod",
      solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
      disableHttp: true,
    });
    const out = synth(stack);
    const [env] = out.list("aws_elastic_beanstalk_environment");
    expect(env.setting).toEqual(
      expect.arrayContaining([
        { namespace: "aws:elbv2:listener:default", name: "ListenerEnabled", value: "false" },
      ]),
    );
    expect(Object.keys(out.outputs()).sort()).toEqual([
      "environment_certificate_arn",
      "environment_cname",
      "environment_name",
      "environment_unvalidated_certificate_arn",
    ]);
    expect(out.outputs().environment_cname.value).toMatch(/\.cname\}$/);
  });
});
