/**
 * The IAM actions the deploy role needs, per Terraform resource type and data source, for the
 * AWS provider 5.100.0 (what `@cdktf/provider-aws` 20.1.0 binds). `npm run iam-policy` emits
 * nothing that is not in one of the tables of this file: a type missing here is an error, so the
 * tables cannot silently fall behind the stacks.
 *
 * Each entry splits its actions by phase:
 *  - `read`: what `terraform plan` (and so `cdktf diff`) calls to refresh the object;
 *  - `write`: what `apply` calls on top of that to create, update, tag and delete it.
 * Tagging actions are in every taggable entry: our stacks set provider `default_tags`, so every
 * create carries tags and every read lists them.
 *
 * Action names are checked against AWS's Service Authorization Reference (SAR); the page of each
 * service is in {@link SERVICE_SOURCES}. Which API calls the provider makes per resource follows
 * its source (https://github.com/hashicorp/terraform-provider-aws, `internal/service/<service>/`):
 * e.g. `aws_route53_record` reads the zone with GetHostedZone and the record with
 * ListResourceRecordSets, and waits on every change with GetChange (`route53/record.go`);
 * `aws_lb_listener` reads and writes listener attributes (`elbv2/listener.go`,
 * DescribeListenerAttributes / ModifyListenerAttributes).
 *
 * Where a statement can name its resource from literal values of the stack's JSON, the entry
 * says how (`on`): Route 53 record actions on the record's hosted zone, S3 actions on the
 * buckets the resource names, API Gateway actions on domain names. Everything else is granted
 * on `*` resources, never with a `*` action.
 */
import { blockOf, blocksOf, JsonObject } from "../../modules/policy/terraform-config";

/** The SAR page behind the action names of each service prefix. */
export const SERVICE_SOURCES: Readonly<Record<string, string>> = {
  acm: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscertificatemanager.html",
  "acm-pca":
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsprivatecertificateauthority.html",
  apigateway:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html",
  autoscaling:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html",
  cloudformation:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html",
  cloudfront:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudfront.html",
  cloudwatch:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html",
  config: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsconfig.html",
  dynamodb:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html",
  ec2: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html",
  elasticbeanstalk:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticbeanstalk.html",
  elasticloadbalancing:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_elasticloadbalancingv2.html",
  events:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html",
  iam: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html",
  kms: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html",
  ram: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsresourceaccessmanagerram.html",
  route53:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html",
  s3: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html",
  sns: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html",
  sts: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html",
};

export type Phase = "read" | "write";

/**
 * What a grant's actions apply to. `{partition}` in a pattern becomes the partition of the
 * provider's region (`aws`, `aws-cn`, `aws-us-gov`, ...).
 */
export type Scope =
  /** `*`. */
  | { readonly kind: "any" }
  /** A fixed ARN pattern. */
  | { readonly kind: "arn"; readonly arns: readonly string[] }
  /** `arn:{partition}:route53:::hostedzone/<id>` of the resource's literal `zone_id`. */
  | { readonly kind: "hosted-zone" }
  /** `arn:{partition}:s3:::<bucket>` of each bucket the entry's `buckets` names. */
  | { readonly kind: "s3-bucket" }
  /** `arn:{partition}:s3:::<bucket>/*` of each bucket the entry's `buckets` names. */
  | { readonly kind: "s3-object" }
  /**
   * `iam:PassRole`: on the role ARN in `attribute` when it is literal, else on `*` with an
   * `iam:PassedToService` condition naming `services`.
   */
  | {
      readonly kind: "pass-role";
      readonly attribute?: string;
      readonly services: readonly string[];
    };

/** Actions for one phase, on one scope, optionally only when the resource's config asks. */
export interface Grant {
  readonly phase: Phase;
  readonly actions: readonly string[];
  /** @default any */
  readonly on?: Scope;
  /** Only when this returns true for the resource's (or data source's) configuration. */
  readonly when?: (config: JsonObject) => boolean;
}

export interface TypePermissions {
  readonly grants: readonly Grant[];
  /** The raw bucket values (literal or expressions) the S3-scoped grants apply to. */
  readonly buckets?: (config: JsonObject) => readonly unknown[];
  /** Printed with the summary: what the entry cannot promise. */
  readonly note?: string;
  /** Print the note only for resources this returns true for. @default every resource */
  readonly noteWhen?: (config: JsonObject) => boolean;
}

const read = (actions: readonly string[], on?: Scope): Grant => ({ phase: "read", actions, on });
const write = (actions: readonly string[], on?: Scope): Grant => ({ phase: "write", actions, on });
const when = (grant: Grant, test: (config: JsonObject) => boolean): Grant => ({
  ...grant,
  when: test,
});
const arn = (...arns: string[]): Scope => ({ kind: "arn", arns });
const S3_BUCKET: Scope = { kind: "s3-bucket" };
const S3_OBJECT: Scope = { kind: "s3-object" };
const HOSTED_ZONE: Scope = { kind: "hosted-zone" };

/** API Gateway's IAM resources for custom domain names, their mappings, and tags (v1 and v2). */
const APIGATEWAY_DOMAINS = arn(
  "arn:{partition}:apigateway:*::/domainnames",
  "arn:{partition}:apigateway:*::/domainnames/*",
  "arn:{partition}:apigateway:*::/tags/*",
);

const has = (config: JsonObject, key: string) => config[key] !== undefined && config[key] !== null;

/** An S3 URI's bucket part, as written (it may hold an interpolation). */
function bucketOfUri(uri: unknown): unknown {
  if (typeof uri !== "string") return undefined;
  const m = /^s3:\/\/([^/]+)\//.exec(uri);
  return m ? m[1] : uri; // an expression for the whole URI stays unresolved
}

/** Elastic Beanstalk's environment: the actions that create what the environment holds. */
const BEANSTALK_ON_BEHALF: readonly string[] = [
  "cloudformation:CreateStack",
  "cloudformation:DeleteStack",
  "cloudformation:DescribeStackEvents",
  "cloudformation:DescribeStackResource",
  "cloudformation:DescribeStackResources",
  "cloudformation:DescribeStacks",
  "cloudformation:GetTemplate",
  "cloudformation:ListStackResources",
  "cloudformation:UpdateStack",
  "autoscaling:CreateAutoScalingGroup",
  "autoscaling:CreateLaunchConfiguration",
  "autoscaling:CreateOrUpdateTags",
  "autoscaling:DeleteAutoScalingGroup",
  "autoscaling:DeleteLaunchConfiguration",
  "autoscaling:DeletePolicy",
  "autoscaling:DescribeAutoScalingGroups",
  "autoscaling:DescribeAutoScalingInstances",
  "autoscaling:DescribeLaunchConfigurations",
  "autoscaling:DescribePolicies",
  "autoscaling:DescribeScalingActivities",
  "autoscaling:PutNotificationConfiguration",
  "autoscaling:PutScalingPolicy",
  "autoscaling:ResumeProcesses",
  "autoscaling:SuspendProcesses",
  "autoscaling:UpdateAutoScalingGroup",
  "ec2:AuthorizeSecurityGroupEgress",
  "ec2:AuthorizeSecurityGroupIngress",
  "ec2:CreateLaunchTemplate",
  "ec2:CreateLaunchTemplateVersion",
  "ec2:CreateSecurityGroup",
  "ec2:CreateTags",
  "ec2:DeleteLaunchTemplate",
  "ec2:DeleteSecurityGroup",
  "ec2:DescribeAccountAttributes",
  "ec2:DescribeAvailabilityZones",
  "ec2:DescribeImages",
  "ec2:DescribeInstances",
  "ec2:DescribeKeyPairs",
  "ec2:DescribeLaunchTemplateVersions",
  "ec2:DescribeLaunchTemplates",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeSubnets",
  "ec2:DescribeVpcs",
  "ec2:RevokeSecurityGroupEgress",
  "ec2:RevokeSecurityGroupIngress",
  "ec2:RunInstances",
  "ec2:TerminateInstances",
  "elasticloadbalancing:AddTags",
  "elasticloadbalancing:CreateListener",
  "elasticloadbalancing:CreateLoadBalancer",
  "elasticloadbalancing:CreateRule",
  "elasticloadbalancing:CreateTargetGroup",
  "elasticloadbalancing:DeleteListener",
  "elasticloadbalancing:DeleteLoadBalancer",
  "elasticloadbalancing:DeleteRule",
  "elasticloadbalancing:DeleteTargetGroup",
  "elasticloadbalancing:DeregisterTargets",
  "elasticloadbalancing:DescribeListeners",
  "elasticloadbalancing:DescribeLoadBalancerAttributes",
  "elasticloadbalancing:DescribeLoadBalancers",
  "elasticloadbalancing:DescribeRules",
  "elasticloadbalancing:DescribeSSLPolicies",
  "elasticloadbalancing:DescribeTags",
  "elasticloadbalancing:DescribeTargetGroupAttributes",
  "elasticloadbalancing:DescribeTargetGroups",
  "elasticloadbalancing:DescribeTargetHealth",
  "elasticloadbalancing:ModifyListener",
  "elasticloadbalancing:ModifyLoadBalancerAttributes",
  "elasticloadbalancing:ModifyTargetGroupAttributes",
  "elasticloadbalancing:RegisterTargets",
  "cloudwatch:DeleteAlarms",
  "cloudwatch:DescribeAlarms",
  "cloudwatch:PutMetricAlarm",
  "sns:CreateTopic",
  "sns:GetTopicAttributes",
  "sns:Subscribe",
  "iam:GetInstanceProfile",
  "iam:GetRole",
];

/** Resource types, by Terraform type name. */
export const RESOURCE_PERMISSIONS: Readonly<Record<string, TypePermissions>> = {
  // --- ACM ----------------------------------------------------------------------------------
  // Required permissions per API: https://docs.aws.amazon.com/acm/latest/userguide/authen-apipermissions.html
  aws_acm_certificate: {
    grants: [
      read(["acm:DescribeCertificate", "acm:ListTagsForCertificate"]),
      write([
        "acm:AddTagsToCertificate",
        "acm:DeleteCertificate",
        "acm:RemoveTagsFromCertificate",
        "acm:UpdateCertificateOptions",
      ]),
      when(write(["acm:ImportCertificate"]), (c) => has(c, "private_key")),
      when(write(["acm:RequestCertificate"]), (c) => !has(c, "private_key")),
      // The provider renews a private certificate inside `early_renewal_duration`.
      when(write(["acm:RenewCertificate"]), (c) => has(c, "early_renewal_duration")),
    ],
    note:
      "a private certificate (certificate_authority_arn) is issued by ACM from the CA: a CA in " +
      "another account must allow the requesting account in its resource policy " +
      "(https://docs.aws.amazon.com/privateca/latest/userguide/pca-rbp.html)",
    noteWhen: (c) => has(c, "certificate_authority_arn"),
  },
  aws_acm_certificate_validation: {
    // Creating it polls DescribeCertificate until the certificate is issued; delete is a no-op.
    grants: [read(["acm:DescribeCertificate"])],
  },

  // --- Route 53 -----------------------------------------------------------------------------
  aws_route53_record: {
    grants: [
      read(["route53:GetHostedZone", "route53:ListResourceRecordSets"], HOSTED_ZONE),
      write(["route53:ChangeResourceRecordSets"], HOSTED_ZONE),
      // GetChange takes a change id, not a zone: its IAM resource is `change/*`.
      write(["route53:GetChange"], arn("arn:{partition}:route53:::change/*")),
    ],
  },

  // --- Elastic Load Balancing v2 ------------------------------------------------------------
  aws_lb_listener: {
    grants: [
      read([
        "elasticloadbalancing:DescribeListenerAttributes",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeTags",
      ]),
      write([
        "elasticloadbalancing:AddTags",
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:DeleteListener",
        "elasticloadbalancing:ModifyListener",
        "elasticloadbalancing:ModifyListenerAttributes",
        "elasticloadbalancing:RemoveTags",
      ]),
    ],
  },
  aws_lb_listener_certificate: {
    grants: [
      read(["elasticloadbalancing:DescribeListenerCertificates"]),
      write([
        "elasticloadbalancing:AddListenerCertificates",
        "elasticloadbalancing:RemoveListenerCertificates",
      ]),
    ],
  },
  aws_lb_trust_store: {
    grants: [
      read([
        "elasticloadbalancing:DescribeTags",
        "elasticloadbalancing:DescribeTrustStoreAssociations",
        "elasticloadbalancing:DescribeTrustStores",
      ]),
      write([
        "elasticloadbalancing:AddTags",
        "elasticloadbalancing:CreateTrustStore",
        "elasticloadbalancing:DeleteTrustStore",
        "elasticloadbalancing:ModifyTrustStore",
        "elasticloadbalancing:RemoveTags",
      ]),
      // The CA bundle is read from S3 when the trust store is created or modified. Granted on
      // the bundle's bucket (with the version, which the trust store pins).
      write(["s3:GetObject", "s3:GetObjectVersion"], S3_OBJECT),
    ],
    buckets: (c) => [c.ca_certificates_bundle_s3_bucket],
  },
  aws_lb_trust_store_revocation: {
    grants: [
      read(["elasticloadbalancing:DescribeTrustStoreRevocations"]),
      write([
        "elasticloadbalancing:AddTrustStoreRevocations",
        "elasticloadbalancing:RemoveTrustStoreRevocations",
      ]),
      write(["s3:GetObject", "s3:GetObjectVersion"], S3_OBJECT),
    ],
    buckets: (c) => blocksOf(c.revocations_s3).map((r) => r.bucket),
  },

  // --- CloudFront ---------------------------------------------------------------------------
  aws_cloudfront_distribution: {
    grants: [
      read(["cloudfront:GetDistribution", "cloudfront:ListTagsForResource"]),
      write([
        "cloudfront:CreateDistribution",
        // With tags (our default_tags), the provider creates through CreateDistributionWithTags.
        "cloudfront:CreateDistributionWithTags",
        "cloudfront:DeleteDistribution",
        "cloudfront:TagResource",
        "cloudfront:UntagResource",
        // Delete disables the distribution first.
        "cloudfront:UpdateDistribution",
      ]),
    ],
  },

  // --- API Gateway (REST v1 and HTTP v2 share the apigateway:<HTTP verb> actions) ------------
  aws_api_gateway_domain_name: {
    grants: [
      read(["apigateway:GET"], APIGATEWAY_DOMAINS),
      write(
        ["apigateway:DELETE", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT"],
        APIGATEWAY_DOMAINS,
      ),
      // "To set up an edge-optimized custom domain name or to update its certificate, you must
      // have a permission to update CloudFront distributions":
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html
      when(write(["cloudfront:UpdateDistribution"]), (c) => isEdge(c)),
      // The truststore must be readable by the caller ("you must have permissions to access
      // the S3 object"): https://docs.aws.amazon.com/apigateway/latest/api/API_MutualTlsAuthenticationInput.html
      when(write(["s3:GetObject", "s3:GetObjectVersion"], S3_OBJECT), (c) =>
        has(c, "mutual_tls_authentication"),
      ),
    ],
    buckets: (c) => [bucketOfUri(blockOf(c.mutual_tls_authentication)?.truststore_uri)],
  },
  aws_api_gateway_base_path_mapping: {
    grants: [
      read(["apigateway:GET"], APIGATEWAY_DOMAINS),
      write(["apigateway:DELETE", "apigateway:PATCH", "apigateway:POST"], APIGATEWAY_DOMAINS),
    ],
  },
  aws_apigatewayv2_domain_name: {
    grants: [
      read(["apigateway:GET"], APIGATEWAY_DOMAINS),
      write(
        ["apigateway:DELETE", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT"],
        APIGATEWAY_DOMAINS,
      ),
      // As for REST domains (the same MutualTlsAuthenticationInput rule).
      when(write(["s3:GetObject", "s3:GetObjectVersion"], S3_OBJECT), (c) =>
        has(c, "mutual_tls_authentication"),
      ),
    ],
    buckets: (c) => [bucketOfUri(blockOf(c.mutual_tls_authentication)?.truststore_uri)],
  },
  aws_apigatewayv2_api_mapping: {
    grants: [
      read(["apigateway:GET"], APIGATEWAY_DOMAINS),
      write(["apigateway:DELETE", "apigateway:PATCH", "apigateway:POST"], APIGATEWAY_DOMAINS),
    ],
  },

  // --- AWS Private CA -----------------------------------------------------------------------
  // Required permissions per API: https://docs.aws.amazon.com/privateca/latest/userguide/api-permissions.html
  aws_acmpca_certificate_authority: {
    grants: [
      read([
        "acm-pca:DescribeCertificateAuthority",
        "acm-pca:GetCertificateAuthorityCertificate",
        "acm-pca:GetCertificateAuthorityCsr",
        "acm-pca:ListTags",
      ]),
      write([
        "acm-pca:CreateCertificateAuthority",
        "acm-pca:DeleteCertificateAuthority",
        "acm-pca:TagCertificateAuthority",
        "acm-pca:UntagCertificateAuthority",
        // Enables/disables the CA, changes its revocation configuration; delete disables first.
        "acm-pca:UpdateCertificateAuthority",
      ]),
    ],
    note: "the CA writes its CRL to S3 as the acm-pca.amazonaws.com service principal, through the CRL bucket's policy, not with the deploy role",
  },
  aws_acmpca_certificate_authority_certificate: {
    grants: [
      read(["acm-pca:GetCertificateAuthorityCertificate"]),
      write(["acm-pca:ImportCertificateAuthorityCertificate"]),
    ],
  },
  aws_acmpca_certificate: {
    grants: [
      read(["acm-pca:GetCertificate"]),
      // Delete revokes the certificate.
      write(["acm-pca:IssueCertificate", "acm-pca:RevokeCertificate"]),
    ],
  },
  aws_acmpca_permission: {
    grants: [
      read(["acm-pca:ListPermissions"]),
      write(["acm-pca:CreatePermission", "acm-pca:DeletePermission"]),
    ],
  },
  aws_acmpca_policy: {
    grants: [read(["acm-pca:GetPolicy"]), write(["acm-pca:DeletePolicy", "acm-pca:PutPolicy"])],
  },

  // --- AWS RAM (sharing a CA) ---------------------------------------------------------------
  aws_ram_resource_share: {
    grants: [
      read(["ram:GetResourceShares", "ram:ListResourceSharePermissions"]),
      write([
        "ram:CreateResourceShare",
        "ram:DeleteResourceShare",
        "ram:TagResource",
        "ram:UntagResource",
        "ram:UpdateResourceShare",
      ]),
    ],
  },
  aws_ram_resource_association: {
    grants: [
      read(["ram:GetResourceShareAssociations"]),
      write(["ram:AssociateResourceShare", "ram:DisassociateResourceShare"]),
      // Sharing a CA makes RAM write the CA's resource policy for the caller.
      when(
        write(["acm-pca:DeletePolicy", "acm-pca:GetPolicy", "acm-pca:PutPolicy"]),
        (c) => typeof c.resource_arn === "string" && /acm-?pca/.test(c.resource_arn),
      ),
    ],
  },
  aws_ram_principal_association: {
    grants: [
      read(["ram:GetResourceShareAssociations"]),
      write(["ram:AssociateResourceShare", "ram:DisassociateResourceShare"]),
    ],
  },

  // --- S3 (CRL bucket, trust store bucket and its bundle) -----------------------------------
  aws_s3_bucket: {
    grants: [
      // HeadBucket is authorized by s3:ListBucket. In provider 5.x the bucket's read fetches
      // every bucket sub-configuration, hence the Get* list.
      read(
        [
          "s3:GetAccelerateConfiguration",
          "s3:GetBucketAcl",
          "s3:GetBucketCORS",
          "s3:GetBucketLogging",
          "s3:GetBucketObjectLockConfiguration",
          "s3:GetBucketPolicy",
          "s3:GetBucketRequestPayment",
          "s3:GetBucketTagging",
          "s3:GetBucketVersioning",
          "s3:GetBucketWebsite",
          "s3:GetEncryptionConfiguration",
          "s3:GetLifecycleConfiguration",
          "s3:GetReplicationConfiguration",
          "s3:ListBucket",
        ],
        S3_BUCKET,
      ),
      write(["s3:CreateBucket", "s3:DeleteBucket", "s3:PutBucketTagging"], S3_BUCKET),
    ],
    buckets: (c) => [c.bucket],
  },
  aws_s3_bucket_ownership_controls: {
    grants: [
      read(["s3:GetBucketOwnershipControls"], S3_BUCKET),
      // DeleteBucketOwnershipControls is authorized by s3:PutBucketOwnershipControls.
      write(["s3:PutBucketOwnershipControls"], S3_BUCKET),
    ],
    buckets: (c) => [c.bucket],
  },
  aws_s3_bucket_policy: {
    grants: [
      read(["s3:GetBucketPolicy"], S3_BUCKET),
      write(["s3:DeleteBucketPolicy", "s3:PutBucketPolicy"], S3_BUCKET),
    ],
    buckets: (c) => [c.bucket],
  },
  aws_s3_bucket_public_access_block: {
    grants: [
      read(["s3:GetBucketPublicAccessBlock"], S3_BUCKET),
      // DeletePublicAccessBlock is authorized by s3:PutBucketPublicAccessBlock.
      write(["s3:PutBucketPublicAccessBlock"], S3_BUCKET),
    ],
    buckets: (c) => [c.bucket],
  },
  aws_s3_bucket_server_side_encryption_configuration: {
    grants: [
      read(["s3:GetEncryptionConfiguration"], S3_BUCKET),
      write(["s3:PutEncryptionConfiguration"], S3_BUCKET),
    ],
    buckets: (c) => [c.bucket],
  },
  aws_s3_bucket_versioning: {
    grants: [
      read(["s3:GetBucketVersioning"], S3_BUCKET),
      write(["s3:PutBucketVersioning"], S3_BUCKET),
    ],
    buckets: (c) => [c.bucket],
  },
  aws_s3_object: {
    grants: [
      read(["s3:GetObject", "s3:GetObjectTagging"], S3_OBJECT),
      write(
        ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObject", "s3:PutObjectTagging"],
        S3_OBJECT,
      ),
      // Delete removes every version of the key in a versioned bucket: ListObjectVersions.
      write(["s3:ListBucketVersions"], S3_BUCKET),
    ],
    buckets: (c) => [c.bucket],
  },

  // --- SNS, CloudWatch, EventBridge, Config (monitoring) -----------------------------------
  aws_sns_topic: {
    grants: [
      read(["sns:GetTopicAttributes", "sns:ListTagsForResource"]),
      write([
        "sns:CreateTopic",
        "sns:DeleteTopic",
        "sns:SetTopicAttributes",
        "sns:TagResource",
        "sns:UntagResource",
      ]),
    ],
  },
  aws_sns_topic_policy: {
    grants: [read(["sns:GetTopicAttributes"]), write(["sns:SetTopicAttributes"])],
  },
  aws_sns_topic_subscription: {
    grants: [
      read(["sns:GetSubscriptionAttributes"]),
      write(["sns:SetSubscriptionAttributes", "sns:Subscribe", "sns:Unsubscribe"]),
    ],
  },
  aws_cloudwatch_metric_alarm: {
    grants: [
      read(["cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource"]),
      write([
        "cloudwatch:DeleteAlarms",
        "cloudwatch:PutMetricAlarm",
        "cloudwatch:TagResource",
        "cloudwatch:UntagResource",
      ]),
    ],
  },
  aws_cloudwatch_event_rule: {
    grants: [
      read(["events:DescribeRule", "events:ListTagsForResource"]),
      write([
        "events:DeleteRule",
        "events:DisableRule",
        "events:EnableRule",
        "events:PutRule",
        "events:TagResource",
        "events:UntagResource",
      ]),
    ],
  },
  aws_cloudwatch_event_target: {
    grants: [
      read(["events:ListTargetsByRule"]),
      write(["events:PutTargets", "events:RemoveTargets"]),
      when(
        write(["iam:PassRole"], {
          kind: "pass-role",
          attribute: "role_arn",
          services: ["events.amazonaws.com"],
        }),
        (c) => has(c, "role_arn"),
      ),
    ],
  },
  aws_config_config_rule: {
    grants: [
      read(["config:DescribeConfigRules", "config:ListTagsForResource"]),
      write([
        "config:DeleteConfigRule",
        "config:PutConfigRule",
        "config:TagResource",
        "config:UntagResource",
      ]),
    ],
  },

  // --- Elastic Beanstalk --------------------------------------------------------------------
  aws_elastic_beanstalk_environment: {
    grants: [
      read([
        "elasticbeanstalk:DescribeConfigurationSettings",
        "elasticbeanstalk:DescribeEnvironmentResources",
        "elasticbeanstalk:DescribeEnvironments",
        "elasticbeanstalk:DescribeEvents",
        "elasticbeanstalk:ListTagsForResource",
      ]),
      write([
        "elasticbeanstalk:AddTags",
        "elasticbeanstalk:CreateEnvironment",
        "elasticbeanstalk:RemoveTags",
        "elasticbeanstalk:TerminateEnvironment",
        "elasticbeanstalk:UpdateEnvironment",
        "elasticbeanstalk:UpdateTagsForResource",
      ]),
      write(BEANSTALK_ON_BEHALF),
      // Beanstalk keeps templates and logs in its own elasticbeanstalk-<region>-<account> bucket.
      write(
        [
          "s3:CreateBucket",
          "s3:GetBucketLocation",
          "s3:GetBucketPolicy",
          "s3:ListBucket",
          "s3:PutBucketPolicy",
        ],
        arn("arn:{partition}:s3:::elasticbeanstalk-*"),
      ),
      write(["s3:GetObject", "s3:PutObject"], arn("arn:{partition}:s3:::elasticbeanstalk-*/*")),
      // The service role and the instance profile's role.
      write(["iam:PassRole"], {
        kind: "pass-role",
        services: ["ec2.amazonaws.com", "elasticbeanstalk.amazonaws.com"],
      }),
    ],
    note:
      "Elastic Beanstalk creates the environment's EC2, Auto Scaling, load balancer and " +
      "CloudFormation resources with the caller's permissions " +
      "(https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/concepts-roles-user.html); the " +
      "entry lists those of a load-balanced web environment and is not proven against an " +
      "account: an AccessDenied names the missing action, add it to the table",
  },

  // --- Not AWS: no AWS call -----------------------------------------------------------------
  terraform_data: { grants: [] },
  null_resource: { grants: [] },
  random_id: { grants: [] },
  random_password: { grants: [] },
  random_string: { grants: [] },
  time_sleep: { grants: [] },
  tls_cert_request: { grants: [] },
  tls_locally_signed_cert: { grants: [] },
  tls_private_key: { grants: [] },
  tls_self_signed_cert: { grants: [] },
};

/** Data sources, by Terraform type name (`data.<type>`): read actions only. */
export const DATA_SOURCE_PERMISSIONS: Readonly<Record<string, TypePermissions>> = {
  // Rendered by the provider itself, no API call.
  aws_iam_policy_document: { grants: [] },
  aws_partition: { grants: [] },
  aws_caller_identity: { grants: [read(["sts:GetCallerIdentity"])] },
  aws_acm_certificate: {
    grants: [
      read(["acm:DescribeCertificate", "acm:ListCertificates", "acm:ListTagsForCertificate"]),
    ],
  },
  aws_route53_zone: {
    grants: [
      read(["route53:GetHostedZone", "route53:ListTagsForResource"], HOSTED_ZONE),
      // Looking a zone up by name lists the account's zones: no resource-level permission.
      when(read(["route53:ListHostedZones"]), (c) => !has(c, "zone_id")),
    ],
  },
  // Cross-stack references: the S3 reads are added with the state statements.
  terraform_remote_state: { grants: [] },
};

/** What every provider configuration, and every assumed role, needs on its own. */
export const PROVIDER_PERMISSIONS = {
  /** The provider looks up the caller's account (STS needs no permission for it, listed anyway). */
  credentials: ["sts:GetCallerIdentity"],
  /** A provider `assume_role` block: on the role's ARN. */
  assumeRole: ["sts:AssumeRole"],
  /** ... with `tags` or `transitive_tag_keys`. */
  assumeRoleWithTags: ["sts:TagSession"],
  /** ... with `source_identity`. */
  assumeRoleWithSourceIdentity: ["sts:SetSourceIdentity"],
} as const;

/**
 * The S3 backend (state in `<bucket>/<key>`), as Terraform documents it:
 * https://developer.hashicorp.com/terraform/language/backend/s3#permissions-required
 */
export const STATE_PERMISSIONS = {
  /** On the bucket. */
  bucket: ["s3:ListBucket"],
  /** On the state object: plan reads it, apply writes it. */
  stateRead: ["s3:GetObject"],
  stateWrite: ["s3:PutObject"],
  /** On `<key>.tflock` (S3 lock file, `use_lockfile`): both plan and apply lock. */
  lockFile: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
  /** On the DynamoDB lock table, when one is used instead. */
  lockTable: [
    "dynamodb:DeleteItem",
    "dynamodb:DescribeTable",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
  ],
  /** On the KMS key that encrypts the state. */
  kms: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
  /** Another stack's state read through `data.terraform_remote_state` (cross-stack references). */
  remoteState: ["s3:GetObject"],
} as const;

/** True for a REST domain that is edge-optimized (the provider's default endpoint type). */
function isEdge(config: JsonObject): boolean {
  const types = blockOf(config.endpoint_configuration)?.types;
  if (!Array.isArray(types)) return true;
  return types.some((t) => t === "EDGE" || (typeof t === "string" && t.includes("${")));
}

/** Every action any table of this file can emit. */
export function allTableActions(): Set<string> {
  const out = new Set<string>();
  for (const table of [RESOURCE_PERMISSIONS, DATA_SOURCE_PERMISSIONS]) {
    for (const entry of Object.values(table)) {
      for (const g of entry.grants) g.actions.forEach((a) => out.add(a));
    }
  }
  for (const list of [
    ...Object.values(PROVIDER_PERMISSIONS),
    ...Object.values(STATE_PERMISSIONS),
  ]) {
    list.forEach((a) => out.add(a));
  }
  return out;
}
