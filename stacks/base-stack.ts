import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ICertificate } from "../modules/certificate/certificate-ref";
import { Certificate } from "../modules/certificate/certificate";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { declareStackInputs } from "./stack-inputs";
import { stateBackendFromEnv, StateBackendEnv } from "./state-backend";

export const US_EAST_1 = "us-east-1";

/**
 * The zones of a stack's config as `HostedZoneRef`s of the stack's own account: only the id and
 * the name are kept, so their records go through the stack's default provider.
 */
export function hostedZoneRefs(
  zones: readonly Pick<HostedZoneRef, "zoneId" | "zoneName">[],
): HostedZoneRef[] {
  return zones.map((z) => ({ zoneId: z.zoneId, zoneName: z.zoneName }));
}

export interface BaseStackProps {
  /** The region of the stack's default AWS provider, for example `eu-west-1`. */
  readonly region: string;
  /**
   * Also configure an AWS provider aliased `us_east_1`, for what must live there (CloudFront
   * and edge-optimized API Gateway certificates). In provider 5.x a resource cannot choose its
   * own region; the per-resource `region` argument arrives only with AWS provider 6.x.
   * @default false
   */
  readonly usEast1Provider?: boolean;
  /** Tags every AWS resource of the stack gets (provider `default_tags`). @default none */
  readonly defaultTags?: Readonly<Record<string, string>>;
  /**
   * The state backend. A function so the backend is created inside the stack, for example
   * `(stack) => new S3Backend(stack, { bucket, key, region })`. When given, it wins: the
   * `TF_STATE_*` variables are not read.
   * @default from the environment (`stacks/state-backend.ts`): an S3 backend when
   * `TF_STATE_BUCKET` and `TF_STATE_REGION` are set (key `<TF_STATE_KEY_PREFIX><stack name>/terraform.tfstate`,
   * `encrypt = true`, S3 lock file unless `TF_STATE_LOCK_TABLE`), else a local backend,
   * `terraform.<stack name>.tfstate`
   */
  readonly backend?: (stack: TerraformStack) => TerraformBackend;
  /**
   * Where the `TF_STATE_*` variables are read from, once, while the stack is constructed (and
   * only when `backend` is not given). Tests pass a plain object instead of changing
   * `process.env`.
   * @default process.env
   */
  readonly stateBackendEnv?: StateBackendEnv;
}

/**
 * A deployable stack: the AWS provider for a region (plus an optional us-east-1 alias), default
 * tags and a backend. Stacks own providers and outputs; modules never create them.
 */
export class BaseStack extends TerraformStack {
  /** The default AWS provider, in `region`. */
  readonly provider: AwsProvider;
  /** The us-east-1 alias, when asked for (or the default provider when the stack is in us-east-1). */
  readonly usEast1?: AwsProvider;
  readonly region: string;

  constructor(scope: Construct, name: string, props: BaseStackProps) {
    super(scope, name);
    this.region = props.region;
    const defaultTags = props.defaultTags ? [{ tags: { ...props.defaultTags } }] : undefined;
    this.provider = new AwsProvider(this, "aws", { region: props.region, defaultTags });
    if (props.usEast1Provider) {
      this.usEast1 =
        props.region === US_EAST_1
          ? this.provider
          : new AwsProvider(this, "aws_us_east_1", {
              region: US_EAST_1,
              alias: "us_east_1",
              defaultTags,
            });
    }
    if (props.backend) props.backend(this);
    else stateBackendFromEnv(this, props.stateBackendEnv ?? process.env);
    // Any value of the props may be a token of another state's output or of a variable
    // (RemoteState, InputVariable): declare each data source or variable once, here, so every
    // stack takes them without a call of its own. Subclasses pass their whole props to super.
    declareStackInputs(this, props);
  }

  /**
   * Outputs a certificate's ARN as `<name>_certificate_arn`. For certificates this library
   * requests, also the unvalidated ARN, which exists as soon as ACM accepts the request.
   */
  outputCertificate(name: string, certificate: ICertificate): void {
    new TerraformOutput(this, `${name}_certificate_arn`, {
      value: certificate.certificateArn,
      description: `ARN of the ${name} certificate (validated when the stack waits for validation)`,
    });
    if (certificate instanceof Certificate) {
      new TerraformOutput(this, `${name}_unvalidated_certificate_arn`, {
        value: certificate.unvalidatedCertificateArn,
        description: `ARN of the ${name} certificate as requested, before validation`,
      });
    }
  }
}
