#!/bin/sh
# Runs a command (cdktf synth) with Terraform's environment made quiet and predictable:
#  - CHECKPOINT_DISABLE=1: no version check against the network;
#  - a TF_CLI_CONFIG_FILE that names a missing file makes Terraform print a warning on every
#    call, and `cdktf synth` calls it 7 times. A missing file and an empty one mean the same to
#    Terraform (no CLI configuration), so it gets the empty one, with one line saying so.
if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then
  echo "note: TF_CLI_CONFIG_FILE=$TF_CLI_CONFIG_FILE does not exist; using an empty CLI config (unset it or point it at a real file)" >&2
  TF_CLI_CONFIG_FILE=/dev/null
  export TF_CLI_CONFIG_FILE
fi
CHECKPOINT_DISABLE=1
export CHECKPOINT_DISABLE
exec "$@"
