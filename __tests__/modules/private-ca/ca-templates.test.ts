import {
  endEntityTemplateArn,
  rootCaTemplateArn,
  subordinateCaTemplateArn,
} from "../../../modules/private-ca/ca-templates";

describe("template ARNs", () => {
  test("template ARNs have no region or account", () => {
    expect(rootCaTemplateArn("aws")).toBe("arn:aws:acm-pca:::template/RootCACertificate/V1");
    expect([0, 1, 2, 3].map((n) => subordinateCaTemplateArn("aws-cn", n))).toEqual([
      "arn:aws-cn:acm-pca:::template/SubordinateCACertificate_PathLen0/V1",
      "arn:aws-cn:acm-pca:::template/SubordinateCACertificate_PathLen1/V1",
      "arn:aws-cn:acm-pca:::template/SubordinateCACertificate_PathLen2/V1",
      "arn:aws-cn:acm-pca:::template/SubordinateCACertificate_PathLen3/V1",
    ]);
    expect(endEntityTemplateArn("aws")).toBe("arn:aws:acm-pca:::template/EndEntityCertificate/V1");
    expect(() => subordinateCaTemplateArn("aws", 4)).toThrow(/path length must be 0 to 3, got 4/);
  });
});
