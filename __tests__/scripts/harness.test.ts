import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findProviderMirror, offlineOverride } from "../../scripts/plan/harness";

describe("offlineOverride", () => {
  test("gives every aws provider block, aliased ones too, fake credentials and the skip flags", () => {
    const override = offlineOverride({
      provider: {
        aws: [
          { region: "eu-west-1" },
          { alias: "us_east_1", region: "us-east-1" },
          { alias: "dns", assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/dns" }] },
        ],
      },
    }) as { provider: { aws: Record<string, unknown>[] }; terraform: unknown };
    expect(override.provider.aws).toHaveLength(3);
    expect(override.provider.aws.map((p) => p.alias)).toEqual([undefined, "us_east_1", "dns"]);
    for (const p of override.provider.aws) {
      expect(p).toMatchObject({
        access_key: expect.any(String),
        secret_key: expect.any(String),
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
      });
    }
    expect(override.provider.aws[2].assume_role).toEqual([{ role_arn: "" }]);
    expect(override.provider.aws[0].assume_role).toBeUndefined();
    expect(override.terraform).toEqual({ backend: { local: { path: "offline-plan.tfstate" } } });
  });

  test("a stack with a single provider object, or none, still gets one block", () => {
    expect(
      (offlineOverride({ provider: { aws: { region: "x" } } }) as any).provider.aws,
    ).toHaveLength(1);
    expect((offlineOverride({}) as any).provider.aws).toHaveLength(1);
  });
});

describe("findProviderMirror", () => {
  const saved = process.env.TF_PLUGIN_MIRROR;
  afterEach(() => {
    if (saved === undefined) delete process.env.TF_PLUGIN_MIRROR;
    else process.env.TF_PLUGIN_MIRROR = saved;
  });

  test("TF_PLUGIN_MIRROR wins when it holds registry.terraform.io/hashicorp/aws", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mirror-"));
    fs.mkdirSync(path.join(dir, "registry.terraform.io", "hashicorp", "aws"), { recursive: true });
    process.env.TF_PLUGIN_MIRROR = dir;
    expect(findProviderMirror()).toBe(dir);
  });

  test("a TF_PLUGIN_MIRROR without the provider is an error that says what is missing", () => {
    process.env.TF_PLUGIN_MIRROR = os.tmpdir();
    expect(() => findProviderMirror()).toThrow(
      /does not contain registry.terraform.io[\\/]hashicorp[\\/]aws/,
    );
  });

  test("without the variable, the search finds a directory that holds the aws provider", () => {
    delete process.env.TF_PLUGIN_MIRROR;
    const found = findProviderMirror();
    // On a machine with no mirror at all this is undefined and Terraform installs normally.
    if (found !== undefined) {
      expect(
        fs.statSync(path.join(found, "registry.terraform.io", "hashicorp", "aws")).isDirectory(),
      ).toBe(true);
    } else {
      expect(found).toBeUndefined();
    }
  });
});
