import {
  ElasticBeanstalkEnvironment,
  ElasticBeanstalkEnvironmentSetting,
} from "@cdktf/provider-aws/lib/elastic-beanstalk-environment";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral, isUnresolved } from "../util/tokens";
import { checkIsCertificate } from "../certificate/certificate-ref";
import { checkPort } from "./listener-port";
import { checkCertificateRegion, checkCoverage, checkDistinctNames } from "./attachment-checks";
import { resolveElbTlsPolicy } from "./elb-tls-policy";

/** One Elastic Beanstalk option setting, in the shape of `aws_elastic_beanstalk_environment.setting`. */
export type BeanstalkSetting = ElasticBeanstalkEnvironmentSetting;

/** The namespace of environment-wide options (`LoadBalancerType`, `EnvironmentType`, ...). */
export const BEANSTALK_ENVIRONMENT_NAMESPACE = "aws:elasticbeanstalk:environment";
/** The namespace of the ALB's default (port 80) listener. */
export const BEANSTALK_DEFAULT_LISTENER_NAMESPACE = "aws:elbv2:listener:default";

/** The namespace of an ALB listener on `port` in an Elastic Beanstalk environment. */
export function beanstalkListenerNamespace(port: number): string {
  return `aws:elbv2:listener:${port}`;
}

export interface BeanstalkHttpsOptions {
  /**
   * The certificate for the HTTPS listener; its (validated) ARN becomes `SSLCertificateArns`.
   * It must be in the environment's region (ACM certificates are regional).
   */
  readonly certificate: ICertificate;
  /**
   * The listener's security policy (`SSLPolicy`). Always set: Elastic Beanstalk otherwise
   * leaves the ELB default `ELBSecurityPolicy-2016-08` (TLS 1.0 and 1.1), and environment
   * creation can fail with "An SSL policy must be specified for HTTPS listeners". Policies that
   * allow TLS 1.0 or 1.1 are rejected; an unknown name of a TLS 1.2+ family gets a warning (see
   * `resolveElbTlsPolicy`).
   * @default "ELBSecurityPolicy-TLS13-1-2-2021-06"
   */
  readonly sslPolicy?: string;
  /**
   * The HTTPS listener port; the namespace becomes `aws:elbv2:listener:<port>`. Port 80 is the
   * `default` listener's and is refused.
   * @default 443
   */
  readonly port?: number;
  /**
   * The environment process the HTTPS listener forwards to (`DefaultProcess`).
   * @default "default"
   */
  readonly defaultProcess?: string;
  /**
   * Turn off the plain HTTP listener on port 80 (`aws:elbv2:listener:default`
   * `ListenerEnabled=false`). Elastic Beanstalk option settings cannot express an HTTP to HTTPS
   * redirect; that needs a listener rule in `.ebextensions`, so the choice here is keep or drop.
   * @default false: port 80 keeps serving HTTP
   */
  readonly disableHttp?: boolean;
  /**
   * Host names clients will use (your CNAMEs or aliases to the environment). Each must be
   * covered by the certificate (a wildcard covers exactly one label); checked at synth.
   * @default none: coverage is not checked
   */
  readonly hostNames?: readonly string[];
  /**
   * The provider of the environment these settings go to, for the region check.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The option settings that give an Elastic Beanstalk environment an HTTPS listener on its
 * Application Load Balancer, to merge into your own `aws_elastic_beanstalk_environment`
 * (see {@link mergeBeanstalkSettings}). Creates nothing.
 *
 * - `aws:elasticbeanstalk:environment` `LoadBalancerType=application`: HTTPS listeners with
 *   certificates exist only on ALB environments (a Network Load Balancer environment takes only
 *   TCP listeners). EB sets the load balancer type at creation only.
 * - `aws:elbv2:listener:<port>`: `ListenerEnabled=true`, `Protocol=HTTPS`,
 *   `SSLCertificateArns=<validated ARN>`, `SSLPolicy=<policy>`, `DefaultProcess`.
 * - with `disableHttp`: `aws:elbv2:listener:default` `ListenerEnabled=false`.
 *
 * Throws (with `scope`'s path) on a weak or unknown policy, a bad port, or a certificate that is
 * not in the region of `options.provider`.
 */
export function beanstalkHttpsSettings(
  scope: IConstruct,
  options: BeanstalkHttpsOptions,
): BeanstalkSetting[] {
  return beanstalkHttps(scope, options).settings;
}

/** The checked HTTPS settings and the policy they carry. */
function beanstalkHttps(
  scope: IConstruct,
  options: BeanstalkHttpsOptions,
): { settings: BeanstalkSetting[]; sslPolicy: string } {
  checkIsCertificate(scope, "certificate", options.certificate);
  const port = options.port ?? 443;
  checkPort(scope, "port", port);
  if (isUnresolved(port)) {
    throw new ValidationError(
      scope,
      `port must be known at synth: it is part of the option namespace aws:elbv2:listener:<port>, got ${show(port)}`,
    );
  }
  if (port === 80) {
    throw new ValidationError(
      scope,
      `port must not be 80, got 80: port 80 is the default listener (${BEANSTALK_DEFAULT_LISTENER_NAMESPACE}); use 443 or another port`,
    );
  }
  const sslPolicy = resolveElbTlsPolicy(scope, "sslPolicy", options.sslPolicy);
  const defaultProcess = options.defaultProcess ?? "default";
  if (isLiteral(defaultProcess) && !/^[A-Za-z0-9_-]+$/.test(defaultProcess)) {
    throw new ValidationError(
      scope,
      `defaultProcess must be the name of an environment process (letters, digits, "_" and "-"), got ${show(defaultProcess)}`,
    );
  }
  checkCertificateRegion(
    scope,
    "certificate",
    options.certificate,
    regionOf(scope, options.provider),
    "an Elastic Beanstalk environment's load balancer",
  );
  checkDistinctNames(scope, "hostNames", options.hostNames ?? []);
  checkCoverage(scope, "hostNames", options.hostNames ?? [], [options.certificate]);
  const listener = beanstalkListenerNamespace(port);
  const settings: BeanstalkSetting[] = [
    { namespace: BEANSTALK_ENVIRONMENT_NAMESPACE, name: "LoadBalancerType", value: "application" },
    { namespace: listener, name: "ListenerEnabled", value: "true" },
    { namespace: listener, name: "Protocol", value: "HTTPS" },
    { namespace: listener, name: "SSLCertificateArns", value: options.certificate.certificateArn },
    { namespace: listener, name: "SSLPolicy", value: sslPolicy },
    { namespace: listener, name: "DefaultProcess", value: defaultProcess },
  ];
  if (options.disableHttp) {
    settings.push({
      namespace: BEANSTALK_DEFAULT_LISTENER_NAMESPACE,
      name: "ListenerEnabled",
      value: "false",
    });
  }
  return { settings, sslPolicy };
}

const settingKey = (s: BeanstalkSetting) => `${s.namespace}/${s.name}/${s.resource ?? ""}`;

/**
 * Single-instance environments have no load balancer, so they take no HTTPS listener:
 * "Single-instance environments don't have a load balancer and don't support HTTPS termination
 * at the load balancer" (https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/configuring-https-elb.html).
 */
function checkLoadBalanced(scope: IConstruct, settings: readonly BeanstalkSetting[]): void {
  settings.forEach((s, i) => {
    if (
      s.namespace === BEANSTALK_ENVIRONMENT_NAMESPACE &&
      s.name === "EnvironmentType" &&
      s.value === "SingleInstance"
    ) {
      throw new ValidationError(
        scope,
        `settings[${i}] sets ${s.namespace} EnvironmentType to ${show(s.value)}, but a single-instance environment has no load balancer to carry the HTTPS listener; ` +
          'remove it (the default is "LoadBalanced"), or terminate HTTPS on the instance instead ' +
          "(https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/https-singleinstance.html) without these HTTPS settings",
      );
    }
  });
}

/**
 * `settings` followed by the HTTPS settings. A setting present in both with the same value is
 * kept once; with a different value it throws, naming the option, because Elastic Beanstalk
 * would apply only one of them and the provider would show a diff forever. A repeated setting
 * whose value is a token cannot be compared, so it must be known at synth. Throws too when
 * `settings` makes the environment `SingleInstance`, which has no load balancer.
 */
export function mergeBeanstalkSettings(
  scope: IConstruct,
  settings: readonly BeanstalkSetting[],
  httpsSettings: readonly BeanstalkSetting[],
): BeanstalkSetting[] {
  if (isUnresolved(settings) || !Array.isArray(settings)) {
    throw new ValidationError(
      scope,
      `settings must be a list known at synth (the HTTPS settings are merged into it), got ${show(settings)}`,
    );
  }
  checkLoadBalanced(scope, settings);
  const merged = new Map<string, BeanstalkSetting>();
  const place = new Map<string, number>();
  const comparable = (i: number, s: BeanstalkSetting, other: BeanstalkSetting) => {
    if (isUnresolved(s.value) || isUnresolved(other.value)) {
      throw new ValidationError(
        scope,
        `settings[${i}] (${s.namespace} ${s.name}) must be known at synth when the option is set twice, got ${show(s.value)}`,
      );
    }
  };
  settings.forEach((s, i) => {
    const key = settingKey(s);
    const existing = merged.get(key);
    if (existing) {
      comparable(i, s, existing);
      if (existing.value !== s.value) {
        throw new ValidationError(
          scope,
          `settings sets ${s.namespace} ${s.name} twice, to ${show(existing.value)} and ${show(s.value)} (settings[${place.get(key)}] and settings[${i}]); keep one`,
        );
      }
    }
    merged.set(key, s);
    place.set(key, i);
  });
  for (const s of httpsSettings) {
    const key = settingKey(s);
    const existing = merged.get(key);
    if (existing) {
      const i = place.get(key) as number;
      comparable(i, existing, s);
      if (existing.value !== s.value) {
        throw new ValidationError(
          scope,
          `settings sets ${s.namespace} ${s.name} to ${show(existing.value)}, but the HTTPS listener needs ${show(s.value)}; remove it from settings (settings[${i}])`,
        );
      }
    }
    merged.set(key, s);
  }
  return [...merged.values()];
}

/** Elastic Beanstalk: environment names are 4-40 letters, digits and hyphens, no hyphen at either end. */
const ENVIRONMENT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{2,38})[A-Za-z0-9]$/;

export interface BeanstalkHttpsEnvironmentProps extends Omit<BeanstalkHttpsOptions, "provider"> {
  /** The name of the existing Elastic Beanstalk application. */
  readonly applicationName: string;
  /** The environment name: 4-40 letters, digits and hyphens, not starting or ending with a hyphen. */
  readonly environmentName: string;
  /**
   * The solution stack (platform), for example
   * `"64bit Amazon Linux 2023 v6.6.0 running Node.js 22"`. It must be a load-balanced web
   * server platform of the region; EB rejects unknown names at apply.
   */
  readonly solutionStackName: string;
  /**
   * Further option settings (instance type, VPC, health check, ...). The HTTPS settings are
   * added to them; a setting here that contradicts one of them is an error.
   * @default none
   */
  readonly settings?: readonly BeanstalkSetting[];
  /** The application version to deploy. @default none: EB's sample application */
  readonly versionLabel?: string;
  /** The CNAME prefix (`<prefix>.<region>.elasticbeanstalk.com`). @default generated by EB */
  readonly cnamePrefix?: string;
  /** Tags for the environment. @default none */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The AWS provider for the environment; its region must be the certificate's region.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A load-balanced Elastic Beanstalk web environment for an existing application, with an HTTPS
 * listener on its Application Load Balancer carrying the validated certificate and an explicit
 * TLS policy (the settings of {@link beanstalkHttpsSettings}).
 */
export class BeanstalkHttpsEnvironment extends Construct {
  /** The `aws_elastic_beanstalk_environment`. */
  readonly resource: ElasticBeanstalkEnvironment;
  /** The environment's name. */
  readonly environmentName: string;
  /** Every option setting given to the environment. */
  readonly settings: readonly BeanstalkSetting[];
  /** The security policy applied. */
  readonly sslPolicy: string;

  constructor(scope: Construct, id: string, props: BeanstalkHttpsEnvironmentProps) {
    super(scope, id);
    for (const [property, value] of [
      ["applicationName", props.applicationName],
      ["solutionStackName", props.solutionStackName],
    ] as const) {
      if (typeof value !== "string" || value.trim() === "") {
        throw new ValidationError(
          this,
          `${property} must be a non-empty string, got ${show(value)}`,
        );
      }
    }
    if (isLiteral(props.environmentName) && !ENVIRONMENT_NAME.test(props.environmentName)) {
      throw new ValidationError(
        this,
        `environmentName must be 4-40 letters, digits and hyphens, not starting or ending with a hyphen, got ${show(props.environmentName)}`,
      );
    }
    const https = beanstalkHttps(this, {
      certificate: props.certificate,
      sslPolicy: props.sslPolicy,
      port: props.port,
      defaultProcess: props.defaultProcess,
      disableHttp: props.disableHttp,
      hostNames: props.hostNames,
      provider: props.provider,
    });
    this.sslPolicy = https.sslPolicy;
    this.settings = mergeBeanstalkSettings(this, props.settings ?? [], https.settings);
    this.resource = new ElasticBeanstalkEnvironment(this, "Environment", {
      provider: props.provider,
      name: props.environmentName,
      application: props.applicationName,
      solutionStackName: props.solutionStackName,
      tier: "WebServer",
      versionLabel: props.versionLabel,
      cnamePrefix: props.cnamePrefix,
      setting: this.settings.map((s) => ({ ...s })),
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.environmentName = this.resource.name;
  }
}
