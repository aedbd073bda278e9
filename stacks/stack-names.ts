/**
 * Stack props name things with snake_case names (`edge_v2`): the names prefix Terraform outputs.
 * The construct that holds a named thing takes the PascalCase form as its id (`EdgeV2`), which
 * ends up in Terraform addresses: treat both as API.
 */

/** `edge_v2` -> `EdgeV2`: the PascalCase construct id of a snake_case name. */
export function constructIdOf(name: string): string {
  return name
    .split("_")
    .filter((p) => p !== "")
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join("");
}
