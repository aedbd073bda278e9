import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Certificate } from "../../../modules/certificate/certificate";
import { CertificateValidation } from "../../../modules/certificate/certificate-validation";
import { runApp } from "../../../modules/util/run-app";
import { Testing } from "cdktf";

/** A build step that fails with a ValidationError (a name ACM rejects). */
function badCertificate(app: ReturnType<typeof Testing.app>): void {
  const stack = new TerraformStack(app, "bad");
  new Certificate(stack, "Site", {
    domainName: "Example.com",
    validation: CertificateValidation.fromExternalDns(),
  });
}

describe("runApp", () => {
  test("a ValidationError is one short block on stderr and exit status 1", () => {
    const written: string[] = [];
    const codes: number[] = [];
    runApp(badCertificate, Testing.app(), {
      write: (t) => written.push(t),
      exit: (c) => void codes.push(c),
      env: {},
    });
    expect(codes).toEqual([1]);
    const text = written.join("");
    expect(text).toMatch(/^synth failed: \[bad\/Site\] domainName .*"Example\.com"/);
    expect(text).toContain("TLS_SYNTH_TRACE=1");
    // one block: the message once, no stack frames
    expect(text.split("\n").filter(Boolean).length).toBeLessThanOrEqual(3);
    expect(text).not.toMatch(/\n\s+at /);
  });

  test("a failed cross-construct check (node.addValidation) is printed the same way", () => {
    const written: string[] = [];
    const codes: number[] = [];
    runApp(
      (app) => {
        const stack = new TerraformStack(app, "checked");
        stack.node.addValidation({ validate: () => ["[checked] zones must not overlap"] });
      },
      Testing.app(),
      { write: (t) => written.push(t), exit: (c) => void codes.push(c), env: {} },
    );
    expect(codes).toEqual([1]);
    expect(written.join("")).toMatch(
      /^synth failed: Validation failed .*\n.*zones must not overlap/s,
    );
    expect(written.join("")).not.toMatch(/\n\s+at /);
  });

  test("TLS_SYNTH_TRACE=1 rethrows the ValidationError with its trace", () => {
    expect(() =>
      runApp(badCertificate, Testing.app(), {
        write: () => undefined,
        exit: () => undefined,
        env: { TLS_SYNTH_TRACE: "1" },
      }),
    ).toThrow(/domainName/);
  });

  test("any other error is a bug: rethrown, never printed as bad input", () => {
    const written: string[] = [];
    expect(() =>
      runApp(
        () => {
          throw new TypeError("boom");
        },
        Testing.app(),
        { write: (t) => written.push(t), exit: () => undefined, env: {} },
      ),
    ).toThrow(TypeError);
    expect(written).toEqual([]);
  });

  test("a good app is synthesized", () => {
    const app = runApp((a) => {
      const stack = new TerraformStack(a, "good");
      new AwsProvider(stack, "aws", { region: "eu-west-1" });
      new Certificate(stack, "Site", {
        domainName: "example.com",
        validation: CertificateValidation.fromExternalDns(),
      });
    }, Testing.app());
    expect(app.node.findChild("good")).toBeDefined();
  });
});
