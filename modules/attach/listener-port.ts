import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";

/**
 * Throws unless a literal port is a whole number from 1 to 65535, the range the Elastic Load
 * Balancing API accepts for a listener port
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html).
 * A token passes unchecked.
 */
export function checkPort(scope: IConstruct, property: string, port: number): void {
  if (isUnresolved(port)) return;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ValidationError(
      scope,
      `${property} must be a whole number from 1 to 65535, got ${show(port)}`,
    );
  }
}
