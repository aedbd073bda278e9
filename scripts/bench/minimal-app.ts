// The baseline for the synth benchmark: a cdktf app with one provider and one resource.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { App, TerraformStack } from "cdktf";

const app = new App();
const stack = new TerraformStack(app, "minimal");
new AwsProvider(stack, "aws", { region: "eu-west-1" });
new Route53Record(stack, "record", {
  zoneId: "Z1",
  name: "www.example.com",
  type: "A",
  ttl: 60,
  records: ["192.0.2.1"],
});
app.synth();
