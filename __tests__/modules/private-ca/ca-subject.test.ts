import { Testing, TerraformStack } from "cdktf";
import { checkCaSubject } from "../../../modules/private-ca/ca-subject";

const scope = () => new TerraformStack(Testing.app(), "s");

describe("checkCaSubject", () => {
  test("accepts a full subject", () => {
    expect(() =>
      checkCaSubject(scope(), "subject", {
        commonName: "Example Root CA",
        organization: "Example",
        organizationalUnit: "PKI",
        country: "NL",
        state: "Noord-Holland",
        locality: "Amsterdam",
        title: "CA",
        distinguishedNameQualifier: "example.corp",
      }),
    ).not.toThrow();
  });

  test.each([
    [{ commonName: "" }, /subject\.commonName must be a non-empty string/],
    [{ commonName: "x".repeat(65) }, /subject\.commonName must be at most 64 characters, got 65/],
    [
      { commonName: "CA", country: "nl" },
      /subject\.country must be a two-letter ISO 3166 code .* got "nl"/,
    ],
    [{ commonName: "CA", country: "NLD" }, /subject\.country must be a two-letter/],
    [
      { commonName: "CA", locality: "x".repeat(129) },
      /subject\.locality must be at most 128 characters/,
    ],
    [{ commonName: "CA", distinguishedNameQualifier: "a_b" }, /distinguishedNameQualifier may use/],
  ])("rejects %j", (subject, message) => {
    expect(() => checkCaSubject(scope(), "subject", subject as never)).toThrow(message);
  });

  test("rejects a missing subject", () => {
    expect(() => checkCaSubject(scope(), "root.subject", undefined as never)).toThrow(
      /root\.subject must be an object with at least a commonName, got undefined/,
    );
  });
});
