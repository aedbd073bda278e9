import { blockOf } from "../terraform-config";
import { COMPLIANT, nonCompliant, PolicyRule } from "../types";

/** TLS003: a certificate is replaced before it is destroyed. */
export const TLS003: PolicyRule = {
  id: "TLS003",
  name: "acm-create-before-destroy",
  level: "error",
  message: "aws_acm_certificate has no lifecycle.create_before_destroy = true",
  explanation:
    "Changing a certificate's names or key replaces it. Without create_before_destroy Terraform " +
    "deletes the old certificate first, which ACM refuses while a listener or distribution uses it " +
    "(ResourceInUseException), and the apply fails. The provider documentation recommends " +
    "create_before_destroy for a certificate in use. " +
    "https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/acm_certificate",
  resourceTypes: ["aws_acm_certificate"],
  evaluate(resource) {
    const lifecycle = blockOf(resource.config.lifecycle);
    return lifecycle?.create_before_destroy === true
      ? COMPLIANT
      : nonCompliant(
          `lifecycle.create_before_destroy is ${JSON.stringify(lifecycle?.create_before_destroy ?? null)}`,
        );
  },
};
