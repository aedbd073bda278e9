import { TerraformStack, Token } from "cdktf";
import {
  BeanstalkHttpsEnvironment,
  BeanstalkHttpsEnvironmentProps,
  beanstalkHttpsSettings,
  beanstalkListenerNamespace,
  mergeBeanstalkSettings,
} from "../../../modules/attach/beanstalk-https";
import { Certificate } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { ICertificate } from "../../../modules/certificate/certificate-ref";
import { aliasProvider, synth, testStack } from "../../support/synth";

const ZONES = [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }];
const STACK = "64bit Amazon Linux 2023 v6.6.0 running Node.js 22";

function cert(stack: TerraformStack, domainName = "app.example.com", id = "App") {
  return new Certificate(stack, id, {
    domainName,
    validation: CertificateValidation.fromDns(ZONES),
  });
}

function environment(
  stack: TerraformStack,
  certificate: ICertificate,
  extra: Partial<BeanstalkHttpsEnvironmentProps> = {},
  id = "Env",
): BeanstalkHttpsEnvironment {
  return new BeanstalkHttpsEnvironment(stack, id, {
    applicationName: "app",
    environmentName: "app-prod",
    solutionStackName: STACK,
    certificate,
    ...extra,
  });
}

describe("beanstalkHttpsSettings", () => {
  test("returns the ALB HTTPS listener settings with the validated ARN and default policy", () => {
    const { stack } = testStack();
    const c = cert(stack);
    const settings = beanstalkHttpsSettings(stack, { certificate: c });
    expect(settings).toEqual([
      {
        namespace: "aws:elasticbeanstalk:environment",
        name: "LoadBalancerType",
        value: "application",
      },
      { namespace: "aws:elbv2:listener:443", name: "ListenerEnabled", value: "true" },
      { namespace: "aws:elbv2:listener:443", name: "Protocol", value: "HTTPS" },
      { namespace: "aws:elbv2:listener:443", name: "SSLCertificateArns", value: c.certificateArn },
      {
        namespace: "aws:elbv2:listener:443",
        name: "SSLPolicy",
        value: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      },
      { namespace: "aws:elbv2:listener:443", name: "DefaultProcess", value: "default" },
    ]);
    expect(c.certificateArn).not.toBe(c.unvalidatedCertificateArn);
  });

  test("takes port, policy, process and turns HTTP off", () => {
    const { stack } = testStack();
    const settings = beanstalkHttpsSettings(stack, {
      certificate: cert(stack),
      port: 8443,
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      defaultProcess: "api",
      disableHttp: true,
    });
    expect(beanstalkListenerNamespace(8443)).toBe("aws:elbv2:listener:8443");
    expect(settings).toEqual(
      expect.arrayContaining([
        {
          namespace: "aws:elbv2:listener:8443",
          name: "SSLPolicy",
          value: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        },
        { namespace: "aws:elbv2:listener:8443", name: "DefaultProcess", value: "api" },
        { namespace: "aws:elbv2:listener:default", name: "ListenerEnabled", value: "false" },
      ]),
    );
    expect(settings.filter((s) => s.namespace === "aws:elbv2:listener:443")).toEqual([]);
  });

  test("rejects weak and unknown policies", () => {
    const { stack } = testStack();
    const c = cert(stack);
    expect(() =>
      beanstalkHttpsSettings(stack, { certificate: c, sslPolicy: "ELBSecurityPolicy-2016-08" }),
    ).toThrow(/\[test\] sslPolicy must not allow TLS 1\.0 or TLS 1\.1/);
    expect(() => beanstalkHttpsSettings(stack, { certificate: c, sslPolicy: "nope" })).toThrow(
      /sslPolicy must be one of the known ELB security policies/,
    );
  });

  test("rejects port 80, a token port, a bad port and a bad process name", () => {
    const { stack } = testStack();
    const c = cert(stack);
    expect(() => beanstalkHttpsSettings(stack, { certificate: c, port: 80 })).toThrow(
      /port must not be 80/,
    );
    expect(() => beanstalkHttpsSettings(stack, { certificate: c, port: 0 })).toThrow(
      /port must be a whole number from 1 to 65535, got 0/,
    );
    expect(() =>
      beanstalkHttpsSettings(stack, { certificate: c, port: Token.asNumber({ Ref: "p" }) }),
    ).toThrow(/port must be known at synth/);
    expect(() => beanstalkHttpsSettings(stack, { certificate: c, defaultProcess: "a b" })).toThrow(
      /defaultProcess must be the name of an environment process .* got "a b"/,
    );
  });

  test("rejects a certificate outside the environment's region, naming both", () => {
    const { stack } = testStack();
    const usEast1 = aliasProvider(stack, "us_east_1", "us-east-1");
    const c = cert(stack);
    expect(() => beanstalkHttpsSettings(stack, { certificate: c, provider: usEast1 })).toThrow(
      /certificate: the certificate is in eu-west-1, but an Elastic Beanstalk environment's load balancer needs a certificate in us-east-1/,
    );
  });

  test("checks host names against the certificate", () => {
    const { stack } = testStack();
    const c = cert(stack);
    expect(() =>
      beanstalkHttpsSettings(stack, {
        certificate: c,
        hostNames: ["app.example.com", "www.example.com"],
      }),
    ).toThrow(/hostNames has names the certificate does not cover: "www\.example\.com"/);
  });
});

describe("mergeBeanstalkSettings", () => {
  const https = [
    {
      namespace: "aws:elasticbeanstalk:environment",
      name: "LoadBalancerType",
      value: "application",
    },
    { namespace: "aws:elbv2:listener:443", name: "Protocol", value: "HTTPS" },
  ];

  test("keeps the user's settings and adds the HTTPS ones; equal duplicates collapse", () => {
    const { stack } = testStack();
    const merged = mergeBeanstalkSettings(
      stack,
      [
        {
          namespace: "aws:autoscaling:launchconfiguration",
          name: "InstanceType",
          value: "t3.small",
        },
        {
          namespace: "aws:elasticbeanstalk:environment",
          name: "LoadBalancerType",
          value: "application",
        },
      ],
      https,
    );
    expect(merged).toHaveLength(3);
    expect(merged[0]).toMatchObject({ name: "InstanceType" });
  });

  test("rejects a user setting that contradicts the HTTPS listener", () => {
    const { stack } = testStack();
    expect(() =>
      mergeBeanstalkSettings(
        stack,
        [
          {
            namespace: "aws:elasticbeanstalk:environment",
            name: "LoadBalancerType",
            value: "network",
          },
        ],
        https,
      ),
    ).toThrow(
      /settings sets aws:elasticbeanstalk:environment LoadBalancerType to "network", but the HTTPS listener needs "application"/,
    );
  });

  test("rejects a user setting given twice with different values", () => {
    const { stack } = testStack();
    expect(() =>
      mergeBeanstalkSettings(
        stack,
        [
          { namespace: "a", name: "B", value: "1" },
          { namespace: "a", name: "B", value: "2" },
        ],
        [],
      ),
    ).toThrow(/settings sets a B twice, to "1" and "2"/);
  });
});

describe("BeanstalkHttpsEnvironment", () => {
  test("creates the environment with the merged settings", () => {
    const { stack } = testStack();
    const c = cert(stack);
    const env = environment(stack, c, {
      settings: [
        {
          namespace: "aws:autoscaling:launchconfiguration",
          name: "InstanceType",
          value: "t3.small",
        },
      ],
      disableHttp: true,
      versionLabel: "v1",
      cnamePrefix: "app-prod",
      tags: { team: "web" },
    });
    const [r] = synth(stack).list("aws_elastic_beanstalk_environment");
    expect(r).toMatchObject({
      name: "app-prod",
      application: "app",
      solution_stack_name: STACK,
      tier: "WebServer",
      version_label: "v1",
      cname_prefix: "app-prod",
      tags: { team: "web" },
    });
    expect(r.setting).toHaveLength(8);
    expect(r.setting).toEqual(
      expect.arrayContaining([
        {
          namespace: "aws:autoscaling:launchconfiguration",
          name: "InstanceType",
          value: "t3.small",
        },
        {
          namespace: "aws:elasticbeanstalk:environment",
          name: "LoadBalancerType",
          value: "application",
        },
        { namespace: "aws:elbv2:listener:443", name: "ListenerEnabled", value: "true" },
        { namespace: "aws:elbv2:listener:443", name: "Protocol", value: "HTTPS" },
        {
          namespace: "aws:elbv2:listener:443",
          name: "SSLPolicy",
          value: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        },
        { namespace: "aws:elbv2:listener:default", name: "ListenerEnabled", value: "false" },
      ]),
    );
    const arn = r.setting.find((s: { name: string }) => s.name === "SSLCertificateArns");
    expect(arn.value).toMatch(/^\$\{aws_acm_certificate_validation\.[^.]+\.certificate_arn\}$/);
    expect(env.sslPolicy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
    expect(env.settings).toHaveLength(8);
  });

  test("validates the environment name", () => {
    const { stack } = testStack();
    const c = cert(stack);
    for (const [i, name] of ["abc", "-app-prod", "app_prod", "a".repeat(41)].entries()) {
      expect(() => environment(stack, c, { environmentName: name }, `E${i}`)).toThrow(
        /environmentName must be 4-40 letters, digits and hyphens/,
      );
    }
    environment(stack, c, { environmentName: "a".repeat(40) }, "Ok");
  });

  test("requires application and solution stack names", () => {
    const { stack } = testStack();
    const c = cert(stack);
    expect(() => environment(stack, c, { applicationName: "" }, "A")).toThrow(
      /applicationName must be a non-empty string/,
    );
    expect(() => environment(stack, c, { solutionStackName: " " }, "B")).toThrow(
      /solutionStackName must be a non-empty string/,
    );
  });

  test("checks the region against the environment's provider and rejects a weak policy", () => {
    const { stack } = testStack();
    const other = aliasProvider(stack, "eu_central_1", "eu-central-1");
    const c = cert(stack);
    expect(() => environment(stack, c, { provider: other }, "A")).toThrow(
      /\[test\/A\] certificate: the certificate is in eu-west-1, but .* needs a certificate in eu-central-1/,
    );
    expect(() =>
      environment(stack, c, { sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" }, "B"),
    ).toThrow(/sslPolicy must not allow TLS 1\.0 or TLS 1\.1/);
  });

  test("rejects a user setting that fights the HTTPS settings", () => {
    const { stack } = testStack();
    expect(() =>
      environment(stack, cert(stack), {
        settings: [{ namespace: "aws:elbv2:listener:443", name: "Protocol", value: "HTTP" }],
      }),
    ).toThrow(/\[test\/Env\] settings sets aws:elbv2:listener:443 Protocol to "HTTP"/);
  });
});
