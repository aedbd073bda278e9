import { jsonDifferences, stackProblems, VERSION_STAMP_PATH } from "../../scripts/cdktn-route";

// A stack as cdktf writes it, shape only: the stamp, one resource.
const stack = (version: string, bucket = "crl") => ({
  "//": { metadata: { backend: "local", stackName: "s", version }, outputs: {} },
  resource: { aws_s3_bucket: { Crl: { bucket, tags: ["a", "b"] } } },
});

describe("jsonDifferences", () => {
  test("equal values have none, whatever the key order", () => {
    expect(jsonDifferences({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual(
      [],
    );
  });

  test("names each differing leaf by its dotted path", () => {
    expect(jsonDifferences({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [1, 3] } })).toEqual([
      { path: "a.b", left: 1, right: 2 },
      { path: "a.c.1", left: 2, right: 3 },
    ]);
  });

  test("a key on one side only, a longer array and a type change are differences", () => {
    expect(jsonDifferences({ a: 1 }, { b: 1 })).toEqual([
      { path: "a", left: 1, right: undefined },
      { path: "b", left: undefined, right: 1 },
    ]);
    expect(jsonDifferences([1], [1, 2])).toEqual([{ path: "1", left: undefined, right: 2 }]);
    expect(jsonDifferences({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { path: "a", left: [1], right: { 0: 1 } },
    ]);
    expect(jsonDifferences({ a: "1" }, { a: 1 })).toEqual([{ path: "a", left: "1", right: 1 }]);
  });
});

describe("stackProblems: only the version stamp may differ", () => {
  test("the stamp is where cdktf writes its version", () => {
    expect(VERSION_STAMP_PATH).toBe("//.metadata.version");
  });

  test("none when the stamps are the two versions and nothing else differs", () => {
    expect(stackProblems(stack("0.21.0"), stack("0.24.0"), "0.21.0", "0.24.0")).toEqual([]);
  });

  test("any other difference is named, with both values", () => {
    expect(stackProblems(stack("0.21.0"), stack("0.24.0", "x"), "0.21.0", "0.24.0")).toEqual([
      'resource.aws_s3_bucket.Crl.bucket: cdktf "crl", cdktn "x"',
    ]);
  });

  test("a stamp that is not the expected versions is a problem, identical stamps too", () => {
    expect(stackProblems(stack("0.21.0"), stack("0.23.0"), "0.21.0", "0.24.0")).toEqual([
      '//.metadata.version: cdktf "0.21.0", cdktn "0.23.0"',
      '//.metadata.version must be "0.21.0" on cdktf and "0.24.0" on cdktn',
    ]);
    expect(stackProblems(stack("0.21.0"), stack("0.21.0"), "0.21.0", "0.24.0")).toEqual([
      '//.metadata.version must be "0.21.0" on cdktf and "0.24.0" on cdktn',
    ]);
  });
});
