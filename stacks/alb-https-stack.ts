import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AlbHttpsListener } from "../modules/attach/alb-https-listener";
import {
  LoadBalancerListenerStack,
  LoadBalancerListenerStackProps,
} from "./load-balancer-listener-stack";

export interface AlbHttpsStackProps extends LoadBalancerListenerStackProps {
  /** Add an HTTP:80 listener redirecting to HTTPS (301). @default true */
  readonly redirectHttp?: boolean;
}

/**
 * An HTTPS listener for an existing Application Load Balancer, with DNS-validated certificates
 * requested in the stack's region, an optional HTTP redirect and alias records. Outputs the
 * listener ARNs and the certificate ARNs.
 */
export class AlbHttpsStack extends LoadBalancerListenerStack<AlbHttpsListener> {
  constructor(scope: Construct, name: string, props: AlbHttpsStackProps) {
    super(
      scope,
      name,
      props,
      "HTTPS listener",
      (stack, common) =>
        new AlbHttpsListener(stack, "Https", {
          ...common,
          redirectHttp: props.redirectHttp ?? true,
        }),
    );
    if (this.listener.redirectListener) {
      new TerraformOutput(this, "redirect_listener_arn", {
        value: this.listener.redirectListener.arn,
        description: "ARN of the HTTP:80 listener that redirects to HTTPS",
      });
    }
  }
}
