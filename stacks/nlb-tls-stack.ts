import { Construct } from "constructs";
import { NlbAlpnPolicy, NlbTlsListener } from "../modules/attach/nlb-tls-listener";
import {
  LoadBalancerListenerStack,
  LoadBalancerListenerStackProps,
} from "./load-balancer-listener-stack";

export interface NlbTlsStackProps extends LoadBalancerListenerStackProps {
  /** @default not set (ELB's "None") */
  readonly alpnPolicy?: NlbAlpnPolicy | string;
}

/**
 * A TLS listener for an existing Network Load Balancer, with DNS-validated certificates
 * requested in the stack's region and optional alias records. Outputs the listener ARN and the
 * certificate ARNs.
 */
export class NlbTlsStack extends LoadBalancerListenerStack<NlbTlsListener> {
  constructor(scope: Construct, name: string, props: NlbTlsStackProps) {
    super(
      scope,
      name,
      props,
      "TLS listener",
      (stack, common) =>
        new NlbTlsListener(stack, "Tls", { ...common, alpnPolicy: props.alpnPolicy }),
    );
  }
}
