// The kubeconfig handed to students: one cluster (the sandbox's URL), one context, a user with
// no credentials (kubectl sends none over plain http; the sandbox id is the capability).

/** A kubeconfig YAML for a sandbox. */
export function kubeconfig(server: string, name: string): string {
  const ctx = `podlab-${name}`;
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- cluster:",
    `    server: ${server}`,
    `  name: ${ctx}`,
    "contexts:",
    "- context:",
    `    cluster: ${ctx}`,
    "    namespace: default",
    "    user: podlab",
    `  name: ${ctx}`,
    `current-context: ${ctx}`,
    "preferences: {}",
    "users:",
    "- name: podlab",
    "  user: {}",
    "",
  ].join("\n");
}
