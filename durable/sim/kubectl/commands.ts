// The command table of the in-core kubectl (cobra's command tree, flattened to paths).
import type { Command } from "./context";
import { applyCommand } from "./cmd/apply";
import { createCommand, createConfigMapCommand, createNamespaceCommand, createSecretCommand, createServiceAccountCommand,
  createServiceClusterIPCommand, createServiceNodePortCommand } from "./cmd/create";
import { deleteCommand } from "./cmd/delete";
import { describeCommand } from "./cmd/describe";
import { execCommand } from "./cmd/exec";
import { explainCommand } from "./cmd/explain";
import { annotateCommand, labelCommand } from "./cmd/label";
import { patchCommand } from "./cmd/patch";
import { getCommand } from "./cmd/get";
import { eventsCommand } from "./cmd/events";
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, versionCommand } from "./cmd/info";
import { topNodeCommand, topPodCommand } from "./cmd/top";
import { waitCommand } from "./cmd/wait";
import { logsCommand } from "./cmd/logs";
import { replaceCommand } from "./cmd/replace";
import { runCommand } from "./cmd/run";
import { authCanICommand, authWhoamiCommand } from "./cmd/auth";

/** Every supported command. */
export const COMMANDS: Command[] = [
  getCommand,
  applyCommand,
  createCommand,
  createNamespaceCommand,
  createConfigMapCommand,
  createSecretCommand,
  createServiceAccountCommand,
  createServiceClusterIPCommand,
  createServiceNodePortCommand,
  deleteCommand,
  describeCommand,
  replaceCommand,
  runCommand,
  logsCommand,
  execCommand,
  explainCommand,
  labelCommand,
  annotateCommand,
  patchCommand,
  eventsCommand,
  versionCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  clusterInfoCommand,
  topPodCommand,
  topNodeCommand,
  waitCommand,
  authCanICommand,
  authWhoamiCommand,
];
