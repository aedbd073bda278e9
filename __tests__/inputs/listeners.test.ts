// Inputs a new user might give the load balancer listeners and Elastic Beanstalk, through the
// public API only. Bad inputs must fail at synth with a ValidationError naming the property and
// the value; valid but unusual inputs must synthesize with validations on.
import { Fn, TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { IConstruct } from "constructs";
import { AlbHttpsListener, AlbHttpsListenerProps } from "../../modules/attach/alb-https-listener";
import {
  BeanstalkHttpsEnvironment,
  BeanstalkHttpsEnvironmentProps,
} from "../../modules/attach/beanstalk-https";
import { NlbTlsListener, NlbTlsListenerProps } from "../../modules/attach/nlb-tls-listener";
import { Certificate } from "../../modules/certificate/certificate";
import { AlbHttpsStack, AlbHttpsStackProps } from "../../stacks/alb-https-stack";
import {
  ElasticBeanstalkStack,
  ElasticBeanstalkStackProps,
} from "../../stacks/elastic-beanstalk-stack";
import { NlbTlsStack, NlbTlsStackProps } from "../../stacks/nlb-tls-stack";
import { dnsCertificate, synth, testStack } from "../support/synth";
import { expectValidationError } from "../support/inputs";

const ALB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/0123456789abcdef";
const NLB =
  "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/grpc/0123456789abcdef";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef";
const TOKEN = "<token: unknown at synth>";

/** A stack with a eu-west-1 provider and a certificate for example.com and *.example.com. */
function fixture(): { stack: TerraformStack; certificate: Certificate } {
  const { stack } = testStack();
  return { stack, certificate: dnsCertificate(stack, "Site", "example.com", ["*.example.com"]) };
}

function alb(extra: Partial<AlbHttpsListenerProps> = {}): AlbHttpsListener {
  const { stack, certificate } = fixture();
  return new AlbHttpsListener(stack, "Https", {
    loadBalancerArn: ALB,
    targetGroupArn: TG,
    certificate,
    ...extra,
  });
}

/** An ALB listener whose one SNI certificate is attached under `key`. */
function albWithSniKey(key: string): AlbHttpsListener {
  const { stack, certificate } = fixture();
  const shop = dnsCertificate(stack, "Shop", "shop.example.org");
  return new AlbHttpsListener(stack, "Https", {
    loadBalancerArn: ALB,
    targetGroupArn: TG,
    certificate,
    additionalCertificates: { [key]: shop },
  });
}

/** Alias records into example.com for the ALB of these tests. */
const ALIASES = {
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  loadBalancerDnsName: "web-1.eu-west-1.elb.amazonaws.com",
  loadBalancerZoneId: "Z32O12XQLNTSW2",
};

function nlb(extra: Partial<NlbTlsListenerProps> = {}): NlbTlsListener {
  const { stack, certificate } = fixture();
  return new NlbTlsListener(stack, "Tls", {
    loadBalancerArn: NLB,
    targetGroupArn: TG,
    certificate,
    ...extra,
  });
}

function beanstalk(extra: Partial<BeanstalkHttpsEnvironmentProps> = {}): BeanstalkHttpsEnvironment {
  const { stack, certificate } = fixture();
  return new BeanstalkHttpsEnvironment(stack, "Env", {
    applicationName: "app",
    environmentName: "app-prod",
    solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
    certificate,
    ...extra,
  });
}

const stackBase = {
  region: "eu-west-1",
  hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
  certificate: { domainName: "example.com" },
};
const albStack = (extra: Partial<AlbHttpsStackProps> = {}) =>
  new AlbHttpsStack(Testing.app(), "alb", {
    ...stackBase,
    loadBalancerArn: ALB,
    targetGroupArn: TG,
    ...extra,
  });
const nlbStack = (extra: Partial<NlbTlsStackProps> = {}) =>
  new NlbTlsStack(Testing.app(), "nlb", {
    ...stackBase,
    loadBalancerArn: NLB,
    targetGroupArn: TG,
    ...extra,
  });
const beanstalkStack = (extra: Partial<ElasticBeanstalkStackProps> = {}) =>
  new ElasticBeanstalkStack(Testing.app(), "eb", {
    ...stackBase,
    applicationName: "app",
    environmentName: "app-prod",
    solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
    ...extra,
  });

const warningsOf = (c: IConstruct) =>
  c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));

const tokenString = () => Token.asString(Fn.lower("X"));
const other = (region: string, arn: string) => arn.replace("eu-west-1", region);

/** [what, build the bad input, strings the message must contain: the property and the value]. */
const BAD: [string, () => unknown, string[]][] = [
  [
    "ALB: a load balancer name, not an ARN",
    () => alb({ loadBalancerArn: "my-alb" }),
    ["loadBalancerArn", '"my-alb"'],
  ],
  [
    "ALB: an empty load balancer ARN",
    () => alb({ loadBalancerArn: "" }),
    ["loadBalancerArn", '""'],
  ],
  [
    "ALB: a Network Load Balancer ARN",
    () => alb({ loadBalancerArn: NLB }),
    ["loadBalancerArn", NLB],
  ],
  [
    "ALB: an EC2 ARN",
    () =>
      alb({ loadBalancerArn: "arn:aws:ec2:eu-west-1:111111111111:instance/i-0123456789abcdef0" }),
    ["loadBalancerArn", "arn:aws:ec2:eu-west-1:111111111111:instance/i-0123456789abcdef0"],
  ],
  [
    "ALB: a load balancer in another region than the provider",
    () => alb({ loadBalancerArn: other("us-east-1", ALB), targetGroupArn: other("us-east-1", TG) }),
    ["loadBalancerArn", '"us-east-1"', '"eu-west-1"'],
  ],
  [
    "ALB: a target group in another region than its load balancer",
    () => alb({ targetGroupArn: other("eu-central-1", TG) }),
    ["targetGroupArn", '"eu-central-1"'],
  ],
  [
    "ALB: a target group in another partition than its load balancer",
    () => alb({ targetGroupArn: TG.replace("arn:aws:", "arn:aws-us-gov:") }),
    ["targetGroupArn", TG.replace("arn:aws:", "arn:aws-us-gov:")],
  ],
  [
    "ALB: a listener ARN as target group",
    () =>
      alb({
        targetGroupArn:
          "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/web/0123456789abcdef/0123456789abcdef",
      }),
    ["targetGroupArn", "listener/app/web/0123456789abcdef/0123456789abcdef"],
  ],
  ["ALB: port 0", () => alb({ port: 0 }), ["port", "got 0"]],
  ["ALB: port 65536", () => alb({ port: 65536 }), ["port", "got 65536"]],
  ["ALB: a fractional port", () => alb({ port: 443.5 }), ["port", "got 443.5"]],
  [
    "ALB: port 80 with the redirect",
    () => alb({ port: 80, redirectHttp: true }),
    ["port", "got 80"],
  ],
  [
    "ALB: a weak known policy",
    () => alb({ sslPolicy: "ELBSecurityPolicy-2016-08" }),
    ["sslPolicy", '"ELBSecurityPolicy-2016-08"'],
  ],
  [
    "ALB: an unknown policy whose name allows TLS 1.1",
    () => alb({ sslPolicy: "ELBSecurityPolicy-TLS13-1-1-PQ-2026-01" }),
    ["sslPolicy", '"ELBSecurityPolicy-TLS13-1-1-PQ-2026-01"', "TLS 1.1"],
  ],
  [
    "ALB: an unknown policy whose name allows TLS 1.0 (TLS family)",
    () => alb({ sslPolicy: "ELBSecurityPolicy-TLS-1-0-2026-01" }),
    ["sslPolicy", '"ELBSecurityPolicy-TLS-1-0-2026-01"'],
  ],
  [
    "ALB: a policy of no ELB family",
    () => alb({ sslPolicy: "MyPolicy" }),
    ["sslPolicy", '"MyPolicy"'],
  ],
  [
    "ALB: a policy in lower case",
    () => alb({ sslPolicy: "elbsecuritypolicy-tls13-1-2-2021-06" }),
    ["sslPolicy", '"elbsecuritypolicy-tls13-1-2-2021-06"'],
  ],
  [
    "ALB: an SNI key with a dot",
    () => albWithSniKey("shop.example.org"),
    ["additionalCertificates", '"shop.example.org"'],
  ],
  ["ALB: an empty SNI key", () => albWithSniKey(""), ["additionalCertificates", 'got ""']],
  [
    "ALB: a host name given twice",
    () => alb({ hostNames: ["www.example.com", "www.example.com"] }),
    ["hostNames", '"www.example.com"'],
  ],
  [
    "ALB: a host name in upper case",
    () => alb({ hostNames: ["WWW.example.com"] }),
    ["hostNames[0]", '"WWW.example.com"'],
  ],
  [
    "ALB: an alias name given twice",
    () =>
      alb({
        aliasRecords: { ...ALIASES, names: ["example.com", "example.com"] },
      }),
    ["aliasRecords.names", '"example.com"'],
  ],
  [
    "ALB: a token host name with alias records",
    () =>
      alb({
        hostNames: [tokenString()],
        aliasRecords: ALIASES,
      }),
    ["hostNames[0]", "must be known at synth", TOKEN],
  ],
  ["NLB: an unknown ALPN policy", () => nlb({ alpnPolicy: "h2" }), ["alpnPolicy", '"h2"']],
  [
    "NLB: an ALPN policy in the wrong case",
    () => nlb({ alpnPolicy: "http2preferred" }),
    ["alpnPolicy", '"http2preferred"'],
  ],
  [
    "NLB: an Application Load Balancer ARN",
    () => nlb({ loadBalancerArn: ALB }),
    ["loadBalancerArn", ALB],
  ],
  ["NLB: port -1", () => nlb({ port: -1 }), ["port", "got -1"]],
  [
    "NLB: a weak FS policy",
    () => nlb({ sslPolicy: "ELBSecurityPolicy-FS-1-1-2019-08" }),
    ["sslPolicy", '"ELBSecurityPolicy-FS-1-1-2019-08"'],
  ],
  [
    "ALB stack: SNI keys whose outputs collide",
    () =>
      albStack({
        additionalCertificates: {
          a: { domainName: "a.example.com" },
          a_unvalidated: { domainName: "b.example.com" },
        },
      }),
    ["additionalCertificates", '"a_unvalidated"', '"a"', "sni_a_unvalidated_certificate_arn"],
  ],
  [
    "ALB stack: an SNI key with a space",
    () => albStack({ additionalCertificates: { "my shop": { domainName: "shop.example.com" } } }),
    ["additionalCertificates", '"my shop"'],
  ],
  [
    "ALB stack: a load balancer outside the stack's region",
    () => albStack({ loadBalancerArn: other("eu-west-2", ALB) }),
    ["loadBalancerArn", '"eu-west-2"'],
  ],
  [
    "ALB stack: port 80 with the default redirect",
    () => albStack({ port: 80 }),
    ["port", "got 80"],
  ],
  [
    "NLB stack: a target group id that is not hex",
    () => nlbStack({ targetGroupArn: TG.replace("0123456789abcdef", "web") }),
    ["targetGroupArn", TG.replace("0123456789abcdef", "web")],
  ],
  [
    "NLB stack: SNI keys whose outputs collide",
    () =>
      nlbStack({
        additionalCertificates: {
          v2: { domainName: "v2.example.com" },
          v2_unvalidated: { domainName: "v3.example.com" },
        },
      }),
    ["additionalCertificates", '"v2_unvalidated"', '"v2"'],
  ],
  [
    "Beanstalk: a SingleInstance environment",
    () =>
      beanstalk({
        settings: [
          {
            namespace: "aws:elasticbeanstalk:environment",
            name: "EnvironmentType",
            value: "SingleInstance",
          },
        ],
      }),
    ["settings[0]", "EnvironmentType", '"SingleInstance"', "LoadBalanced"],
  ],
  [
    "Beanstalk: a network load balancer",
    () =>
      beanstalk({
        settings: [
          {
            namespace: "aws:elasticbeanstalk:environment",
            name: "LoadBalancerType",
            value: "network",
          },
        ],
      }),
    ["settings", "LoadBalancerType", '"network"'],
  ],
  ["Beanstalk: port 80", () => beanstalk({ port: 80 }), ["port", "got 80"]],
  ["Beanstalk: port 70000", () => beanstalk({ port: 70000 }), ["port", "got 70000"]],
  [
    "Beanstalk: a token port",
    () => beanstalk({ port: Token.asNumber(Fn.parseint("443", 10)) }),
    ["port", "must be known at synth", TOKEN],
  ],
  [
    "Beanstalk: an environment name of 3 characters",
    () => beanstalk({ environmentName: "abc" }),
    ["environmentName", '"abc"'],
  ],
  [
    "Beanstalk: an environment name ending in a hyphen",
    () => beanstalk({ environmentName: "app-prod-" }),
    ["environmentName", '"app-prod-"'],
  ],
  [
    "Beanstalk: a process name with a space",
    () => beanstalk({ defaultProcess: "my process" }),
    ["defaultProcess", '"my process"'],
  ],
  [
    "Beanstalk: a host name given twice",
    () => beanstalk({ hostNames: ["example.com", "example.com"] }),
    ["hostNames", '"example.com"'],
  ],
  [
    "Beanstalk: a weak policy",
    () => beanstalk({ sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" }),
    ["sslPolicy", '"ELBSecurityPolicy-TLS-1-1-2017-01"'],
  ],
  [
    "Beanstalk: an empty application name",
    () => beanstalk({ applicationName: "" }),
    ["applicationName", 'got ""'],
  ],
  [
    "Beanstalk: a repeated setting given as a token",
    () =>
      beanstalk({
        settings: [
          { namespace: "aws:elbv2:listener:443", name: "SSLPolicy", value: tokenString() },
        ],
      }),
    ["settings[0]", "SSLPolicy", "must be known at synth", TOKEN],
  ],
  [
    "Beanstalk: the same option twice with different values",
    () =>
      beanstalk({
        settings: [
          {
            namespace: "aws:autoscaling:launchconfiguration",
            name: "InstanceType",
            value: "t3.small",
          },
          {
            namespace: "aws:autoscaling:launchconfiguration",
            name: "InstanceType",
            value: "t3.large",
          },
        ],
      }),
    ["settings", "InstanceType", '"t3.small"', '"t3.large"'],
  ],
  [
    "Beanstalk stack: a SingleInstance environment",
    () =>
      beanstalkStack({
        settings: [
          {
            namespace: "aws:elasticbeanstalk:environment",
            name: "EnvironmentType",
            value: "SingleInstance",
          },
        ],
      }),
    ["settings[0]", '"SingleInstance"'],
  ],
  [
    "Beanstalk stack: an environment name with an underscore",
    () => beanstalkStack({ environmentName: "app_prod" }),
    ["environmentName", '"app_prod"'],
  ],
];

describe("listener and Beanstalk inputs: bad ones fail at synth with a ValidationError", () => {
  test("the table holds at least 25 bad inputs", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD)("%s", (_what, build, parts) => {
    expectValidationError(build, parts);
  });
});

describe("listener and Beanstalk inputs: valid but unusual ones synthesize", () => {
  test("a policy newer than the list, named like the TLS13 family, passes with a warning", () => {
    const policy = "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2027-03";
    const listener = alb({ sslPolicy: policy });
    const stack = TerraformStack.of(listener);
    expect(synth(stack).list("aws_lb_listener")[0].ssl_policy).toBe(policy);
    const warnings = warningsOf(listener);
    expect(warnings).toEqual([
      expect.stringMatching(
        /sslPolicy "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2027-03" is not an ELB security policy this library knows/,
      ),
    ]);
  });

  test("a known policy gives no warning", () => {
    const listener = alb({ sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" });
    expect(warningsOf(listener)).toEqual([]);
  });

  test("ALB: token ARNs, port, policy and host name reach the JSON as tokens", () => {
    const { stack, certificate } = fixture();
    const lb = new TerraformVariable(stack, "lb_arn", { type: "string" });
    const tg = new TerraformVariable(stack, "tg_arn", { type: "string" });
    const port = new TerraformVariable(stack, "port", { type: "number" });
    const policy = new TerraformVariable(stack, "policy", { type: "string" });
    const host = new TerraformVariable(stack, "host", { type: "string" });
    new AlbHttpsListener(stack, "Https", {
      loadBalancerArn: lb.stringValue,
      targetGroupArn: tg.stringValue,
      port: port.numberValue,
      sslPolicy: policy.stringValue,
      hostNames: [host.stringValue],
      certificate,
      redirectHttp: true,
    });
    const listeners = synth(stack).list("aws_lb_listener");
    const https = listeners.find((l) => l.protocol === "HTTPS");
    const redirect = listeners.find((l) => l.protocol === "HTTP");
    expect(https).toMatchObject({
      load_balancer_arn: "${var.lb_arn}",
      port: "${var.port}",
      ssl_policy: "${var.policy}",
      default_action: [{ type: "forward", target_group_arn: "${var.tg_arn}" }],
    });
    expect(redirect.default_action[0].redirect.port).toBe("${var.port}");
  });

  test("NLB: a token ALPN policy and a remote-state-like target group reach the JSON", () => {
    const { stack, certificate } = fixture();
    const alpn = new TerraformVariable(stack, "alpn", { type: "string" });
    new NlbTlsListener(stack, "Tls", {
      loadBalancerArn: NLB,
      targetGroupArn: Fn.element(Fn.split(",", "a,b"), 0),
      certificate,
      alpnPolicy: alpn.stringValue,
    });
    const [l] = synth(stack).list("aws_lb_listener");
    expect(l.alpn_policy).toBe("${var.alpn}");
    expect(l.default_action[0].target_group_arn).toBe('${element(split(",", "a,b"), 0)}');
  });

  test("Beanstalk: token names, policy and setting values reach the JSON", () => {
    const { stack, certificate } = fixture();
    const name = new TerraformVariable(stack, "env_name", { type: "string" });
    const policy = new TerraformVariable(stack, "policy", { type: "string" });
    const size = new TerraformVariable(stack, "size", { type: "string" });
    new BeanstalkHttpsEnvironment(stack, "Env", {
      applicationName: "app",
      environmentName: name.stringValue,
      solutionStackName: "64bit Amazon Linux 2023 v6.6.0 running Node.js 22",
      certificate,
      sslPolicy: policy.stringValue,
      settings: [
        {
          namespace: "aws:autoscaling:launchconfiguration",
          name: "InstanceType",
          value: size.stringValue,
        },
      ],
    });
    const [env] = synth(stack).list("aws_elastic_beanstalk_environment");
    expect(env.name).toBe("${var.env_name}");
    expect(env.setting).toEqual(
      expect.arrayContaining([
        {
          namespace: "aws:autoscaling:launchconfiguration",
          name: "InstanceType",
          value: "${var.size}",
        },
        { namespace: "aws:elbv2:listener:443", name: "SSLPolicy", value: "${var.policy}" },
      ]),
    );
  });

  test("Beanstalk: LoadBalanced given explicitly is fine", () => {
    const env = beanstalk({
      settings: [
        {
          namespace: "aws:elasticbeanstalk:environment",
          name: "EnvironmentType",
          value: "LoadBalanced",
        },
      ],
    });
    const [r] = synth(TerraformStack.of(env)).list("aws_elastic_beanstalk_environment");
    expect(r.setting).toContainEqual({
      namespace: "aws:elasticbeanstalk:environment",
      name: "EnvironmentType",
      value: "LoadBalanced",
    });
  });

  test("ALB stack: SNI keys that differ only by - and _, or start with a digit, keep their own outputs", () => {
    const stack = albStack({
      port: 65535,
      additionalCertificates: {
        "a-b": { domainName: "a.example.com" },
        a_b: { domainName: "b.example.com" },
        "2024": { domainName: "c.example.com" },
      },
    });
    const out = synth(stack);
    expect(
      Object.keys(out.outputs())
        .filter((k) => k.startsWith("sni_"))
        .sort(),
    ).toEqual([
      "sni_2024_certificate_arn",
      "sni_2024_unvalidated_certificate_arn",
      "sni_a-b_certificate_arn",
      "sni_a-b_unvalidated_certificate_arn",
      "sni_a_b_certificate_arn",
      "sni_a_b_unvalidated_certificate_arn",
    ]);
    expect(out.list("aws_lb_listener_certificate")).toHaveLength(3);
    expect(out.list("aws_lb_listener").find((l) => l.protocol === "HTTPS").port).toBe(65535);
  });

  test("ALB in another partition: an aws-cn load balancer with a cn-north-1 provider", () => {
    const app = Testing.app();
    const stack = new AlbHttpsStack(app, "cn", {
      ...stackBase,
      region: "cn-north-1",
      loadBalancerArn:
        "arn:aws-cn:elasticloadbalancing:cn-north-1:111111111111:loadbalancer/app/web/0123456789abcdef",
      targetGroupArn:
        "arn:aws-cn:elasticloadbalancing:cn-north-1:111111111111:targetgroup/web/0123456789abcdef",
    });
    const listeners = synth(stack).list("aws_lb_listener");
    expect(listeners.map((l) => l.load_balancer_arn)).toEqual([
      "arn:aws-cn:elasticloadbalancing:cn-north-1:111111111111:loadbalancer/app/web/0123456789abcdef",
      "arn:aws-cn:elasticloadbalancing:cn-north-1:111111111111:loadbalancer/app/web/0123456789abcdef",
    ]);
  });
});
