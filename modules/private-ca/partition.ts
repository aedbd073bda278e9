/**
 * The AWS partition of a region, known at synth from the provider's literal region: `aws-cn`
 * for `cn-*`, `aws-us-gov` for `us-gov-*`, `aws-iso` for `us-iso-*`, `aws-iso-b` for
 * `us-isob-*`, else `aws` (also when the region is unknown at synth; pass `partition` then).
 *
 * Computed here rather than read from `data "aws_partition"` so that ARNs and policies built
 * from it are literals: known at synth (checked by unit tests) and at plan.
 */
export function awsPartition(region: string | undefined): string {
  if (region === undefined) return "aws";
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  return "aws";
}
