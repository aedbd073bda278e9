import { awsPartition } from "../../../modules/private-ca/partition";

describe("awsPartition", () => {
  test.each([
    ["eu-west-1", "aws"],
    ["cn-north-1", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
    ["us-iso-east-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    [undefined, "aws"],
  ])("%s is in %s", (region, partition) => {
    expect(awsPartition(region)).toBe(partition);
  });
});
