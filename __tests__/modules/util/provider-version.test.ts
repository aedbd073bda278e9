import * as fs from "node:fs";
import * as path from "node:path";
import {
  AWS_PROVIDER_BINDINGS_VERSION,
  AWS_PROVIDER_VERSION,
  PINNED_AWS_PROVIDER,
} from "../../../modules/util/provider-version";

const root = path.join(__dirname, "..", "..", "..");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));

describe("provider version constants", () => {
  test("match the bindings package.json pins and the provider those bindings were generated for", () => {
    expect(readJson("package.json").devDependencies["@cdktf/provider-aws"]).toBe(
      AWS_PROVIDER_BINDINGS_VERSION,
    );
    const bindings = readJson("node_modules/@cdktf/provider-aws/package.json");
    expect(bindings.version).toBe(AWS_PROVIDER_BINDINGS_VERSION);
    expect(bindings.cdktf.provider).toEqual({
      name: "registry.terraform.io/hashicorp/aws",
      version: AWS_PROVIDER_VERSION,
    });
  });

  test("the message form names both", () => {
    expect(PINNED_AWS_PROVIDER).toBe("hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0)");
  });
});
