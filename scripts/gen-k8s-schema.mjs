// Dev-time code generator for schema/k8s/generated/types.ts: the valibot schemas of every
// Kubernetes v1.32 type podlab serves, with upstream names, descriptions, required-ness, formats,
// enums and list/patch extensions. Run by hand when the sources change; the output is committed.
//
// Sources (installed only for generation, never added to package.json):
//   npm i --no-save @kubernetes/client-node@1.1.0 kubernetes-types@1.30.0
//   node scripts/gen-k8s-schema.mjs
// - @kubernetes/client-node 1.1.0 is generated from the v1.32.0 OpenAPI spec: field set,
//   optionality, formats and (preferred) description text.
// - kubernetes-types 1.30.0 keeps descriptions of reference-typed fields (client-node drops
//   them), paragraph breaks (client-node flattens "\n" to " ") and which strings are Quantities.
// - The enum and extension tables below are data transcribed from the v1.32 API (+enum types
//   and patchStrategy/listType tags of k8s.io/api); neither npm package carries them.
// Longer than the usual ~300 lines because about 200 of them are those tables: data kept next
// to the one script that reads them rather than in a second module nobody else imports.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const ts = require("typescript");
const CN = path.join(ROOT, "node_modules/@kubernetes/client-node/dist/gen/models");
const KT = path.join(ROOT, "node_modules/kubernetes-types");
const OUT = path.join(ROOT, "schema/k8s/generated/types.ts");

// Root kinds: client-node class, kubernetes-types package, upstream Go package, group, version.
const PKG = {
  "core/v1": { up: "io.k8s.api.core.v1", go: "v1", group: "", version: "v1" },
  "meta/v1": { up: "io.k8s.apimachinery.pkg.apis.meta.v1", go: "v1" },
  "coordination/v1": { up: "io.k8s.api.coordination.v1", go: "v1", group: "coordination.k8s.io", version: "v1" },
  "discovery/v1": { up: "io.k8s.api.discovery.v1", go: "v1", group: "discovery.k8s.io", version: "v1" },
  "policy/v1": { up: "io.k8s.api.policy.v1", go: "v1", group: "policy", version: "v1" },
};
const KINDS = [
  ["core/v1", "Pod", "V1Pod"], ["core/v1", "Node", "V1Node"], ["core/v1", "Namespace", "V1Namespace"],
  ["core/v1", "Service", "V1Service"], ["core/v1", "Endpoints", "V1Endpoints"], ["core/v1", "Event", "CoreV1Event"],
  ["core/v1", "ConfigMap", "V1ConfigMap"], ["core/v1", "Secret", "V1Secret"], ["core/v1", "ServiceAccount", "V1ServiceAccount"],
  ["core/v1", "Binding", "V1Binding", true], ["policy/v1", "Eviction", "V1Eviction", true],
  ["coordination/v1", "Lease", "V1Lease"], ["discovery/v1", "EndpointSlice", "V1EndpointSlice"],
];
const META_ROOTS = [["ObjectMeta", "V1ObjectMeta"], ["ListMeta", "V1ListMeta"], ["Status", "V1Status"],
  ["DeleteOptions", "V1DeleteOptions"], ["WatchEvent", "V1WatchEvent"]];

// Types that are primitives on the wire; primitives.ts defines their schemas.
const SPECIAL = {
  Quantity: "io.k8s.apimachinery.pkg.api.resource.Quantity",
  IntOrString: "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
  Time: "io.k8s.apimachinery.pkg.apis.meta.v1.Time",
  MicroTime: "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime",
  FieldsV1: "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1",
  RawExtension: "io.k8s.apimachinery.pkg.runtime.RawExtension",
};

// +enum string types of v1.32: Go type, values with the doc kube-openapi appends to descriptions.
const E = (goType, values) => ({ goType, values });
const PULL = E("v1.PullPolicy", {
  Always: "means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.",
  IfNotPresent: "means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.",
  Never: "means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present" });
const TMP = E("v1.TerminationMessagePolicy", {
  FallbackToLogsOnError: "will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.",
  File: "is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits." });
const PROTO = E("v1.Protocol", { SCTP: "is the SCTP protocol.", TCP: "is the TCP protocol.", UDP: "is the UDP protocol." });
const TAINT = E("v1.TaintEffect", {
  NoExecute: "Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.",
  NoSchedule: "Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.",
  PreferNoSchedule: "Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler." });
const SECCOMP = E("v1.SeccompProfileType", {
  Localhost: "indicates a profile defined in a file on the node should be used. The file's location relative to <kubelet-root-dir>/seccomp.",
  RuntimeDefault: "represents the default container runtime seccomp profile.",
  Unconfined: "indicates no seccomp profile is applied (A.K.A. unconfined)." });
const APPARMOR = E("v1.AppArmorProfileType", {
  Localhost: "indicates that a profile pre-loaded on the node should be used.",
  RuntimeDefault: "indicates that the container runtime's default AppArmor profile should be used.",
  Unconfined: "indicates that no AppArmor profile should be enforced." });
const PROCMOUNT = E("v1.ProcMountType", {
  Default: "uses the container runtime defaults for readonly and masked paths for /proc. Most container runtimes mask certain paths in /proc to avoid accidental security exposure of special devices or information.",
  Unmasked: "bypasses the default masking behavior of the container runtime and ensures the newly created /proc the container stays in tact with no modifications." });
const NSO = E("v1.NodeSelectorOperator", { DoesNotExist: "", Exists: "", Gt: "", In: "", Lt: "", NotIn: "" });
const INCL = E("v1.NodeInclusionPolicy", {
  Honor: "means use this scheduling directive when calculating pod topology spread skew.",
  Ignore: "means ignore this scheduling directive when calculating pod topology spread skew." });
const ENUMS = {
  "core.v1.Container.imagePullPolicy": PULL, "core.v1.EphemeralContainer.imagePullPolicy": PULL,
  "core.v1.Container.terminationMessagePolicy": TMP, "core.v1.EphemeralContainer.terminationMessagePolicy": TMP,
  "core.v1.ContainerPort.protocol": PROTO, "core.v1.ServicePort.protocol": PROTO, "core.v1.EndpointPort.protocol": PROTO,
  "core.v1.PortStatus.protocol": PROTO, "discovery.v1.EndpointPort.protocol": PROTO,
  "core.v1.HTTPGetAction.scheme": E("v1.URIScheme", { HTTP: "means that the scheme used will be http://", HTTPS: "means that the scheme used will be https://" }),
  "core.v1.PodSpec.restartPolicy": E("v1.RestartPolicy", { Always: "", Never: "", OnFailure: "" }),
  "core.v1.PodSpec.dnsPolicy": E("v1.DNSPolicy", {
    ClusterFirst: "indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.",
    ClusterFirstWithHostNet: "indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.",
    Default: "indicates that the pod should use the default (as determined by kubelet) DNS settings.",
    None: "indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig." }),
  "core.v1.PodSpec.preemptionPolicy": E("v1.PreemptionPolicy", {
    Never: "means that pod never preempts other pods with lower priority.",
    PreemptLowerPriority: "means that pod can preempt other pods with lower priority." }),
  "core.v1.PodStatus.phase": E("v1.PodPhase", {
    Failed: "means that all containers in the pod have terminated, and at least one container has terminated in a failure (exited with a non-zero exit code or was stopped by the system).",
    Pending: "means the pod has been accepted by the system, but one or more of the containers has not been started. This includes time before being bound to a node, as well as time spent pulling images onto the host.",
    Running: "means the pod has been bound to a node and all of the containers have been started. At least one container is still running or is in the process of being restarted.",
    Succeeded: "means that all containers in the pod have voluntarily terminated with a container exit code of 0, and the system is not going to restart any of these containers.",
    Unknown: "means that for some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod. Deprecated: It isn't being set since 2015 (74da3b14b0c0f658b3bb8d2def5094686d0e9095)" }),
  "core.v1.PodStatus.qosClass": E("v1.PodQOSClass", {
    BestEffort: "is the BestEffort qos class.", Burstable: "is the Burstable qos class.", Guaranteed: "is the Guaranteed qos class." }),
  "core.v1.Toleration.operator": E("v1.TolerationOperator", { Equal: "", Exists: "" }),
  "core.v1.Toleration.effect": TAINT, "core.v1.Taint.effect": TAINT,
  "core.v1.NodeSelectorRequirement.operator": NSO,
  "core.v1.VolumeMount.mountPropagation": E("v1.MountPropagationMode", {
    Bidirectional: "means that the volume in a container will receive new mounts from the host or other containers, and its own mounts will be propagated from the container to the host or other containers. Note that this mode is recursively applied to all mounts in the volume (\"rshared\" in Linux terminology).",
    HostToContainer: "means that the volume in a container will receive new mounts from the host or other containers, but filesystems mounted inside the container won't be propagated to the host or other containers. Note that this mode is recursively applied to all mounts in the volume (\"rslave\" in Linux terminology).",
    None: "means that the volume in a container will not receive new mounts from the host or other containers, and filesystems mounted inside the container won't be propagated to the host or other containers. Note that this mode corresponds to \"private\" in Linux terminology." }),
  "core.v1.SeccompProfile.type": SECCOMP, "core.v1.AppArmorProfile.type": APPARMOR,
  "core.v1.SecurityContext.procMount": PROCMOUNT,
  "core.v1.PodSecurityContext.fsGroupChangePolicy": E("v1.PodFSGroupChangePolicy", {
    Always: "indicates that volume's ownership and permissions should always be changed whenever volume is mounted inside a Pod. This the default behavior.",
    OnRootMismatch: "indicates that volume's ownership and permissions will be changed only when permission and ownership of root directory does not match with expected permissions on the volume. This can help shorten the time it takes to change ownership and permissions of a volume." }),
  "core.v1.PodSecurityContext.supplementalGroupsPolicy": E("v1.SupplementalGroupsPolicy", {
    Merge: "means that the container's provided SupplementalGroups and FsGroup (specified in SecurityContext) will be merged with the primary user's groups as defined in the container image (in /etc/group).",
    Strict: "means that the container's provided SupplementalGroups and FsGroup (specified in SecurityContext) will be used instead of any groups defined in the container image." }),
  "core.v1.TopologySpreadConstraint.whenUnsatisfiable": E("v1.UnsatisfiableConstraintAction", {
    DoNotSchedule: "instructs the scheduler not to schedule the pod when constraints are not satisfied.",
    ScheduleAnyway: "instructs the scheduler to schedule the pod even if constraints are not satisfied." }),
  "core.v1.TopologySpreadConstraint.nodeAffinityPolicy": INCL, "core.v1.TopologySpreadConstraint.nodeTaintsPolicy": INCL,
  "core.v1.HostPathVolumeSource.type": E("v1.HostPathType", {
    "": "For backwards compatible, leave it empty if unset", BlockDevice: "A block device must exist at the given path",
    CharDevice: "A character device must exist at the given path", Directory: "A directory must exist at the given path",
    DirectoryOrCreate: "If nothing exists at the given path, an empty directory will be created there as needed with file mode 0755, having the same group and ownership with Kubelet.",
    File: "A file must exist at the given path",
    FileOrCreate: "If nothing exists at the given path, an empty file will be created there as needed with file mode 0644, having the same group and ownership with Kubelet.",
    Socket: "A UNIX socket must exist at the given path" }),
  "core.v1.PersistentVolumeClaimSpec.volumeMode": E("v1.PersistentVolumeMode", {
    Block: "means the volume will not be formatted with a filesystem and will remain a raw block device.",
    Filesystem: "means the volume will be or is formatted with a filesystem." }),
  "core.v1.ServiceSpec.type": E("v1.ServiceType", {
    ClusterIP: "means a service will only be accessible inside the cluster, via the cluster IP.",
    ExternalName: "means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.",
    LoadBalancer: "means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to 'NodePort' type.",
    NodePort: "means a service will be exposed on one port of every node, in addition to 'ClusterIP' type." }),
  "core.v1.ServiceSpec.sessionAffinity": E("v1.ServiceAffinity", { ClientIP: "is the Client IP based.", None: "- no session affinity." }),
  "core.v1.ServiceSpec.externalTrafficPolicy": E("v1.ServiceExternalTrafficPolicy", {
    Cluster: "routes traffic to all endpoints.",
    Local: "preserves the source IP of the traffic by routing only to endpoints on the same node as the traffic was received on (dropping the traffic if there are no local endpoints)." }),
  "core.v1.ServiceSpec.internalTrafficPolicy": E("v1.ServiceInternalTrafficPolicy", {
    Cluster: "routes traffic to all endpoints.",
    Local: "routes traffic only to endpoints on the same node as the client pod (dropping the traffic if there are no local endpoints)." }),
  "core.v1.ServiceSpec.ipFamilyPolicy": E("v1.IPFamilyPolicy", {
    PreferDualStack: "indicates that this service prefers dual-stack when the cluster is configured for dual-stack. If the cluster is not configured for dual-stack the service will be assigned a single IPFamily. If the IPFamily is not set in service.spec.ipFamilies then the service will be assigned the default IPFamily configured on the cluster",
    RequireDualStack: "indicates that this service requires dual-stack. Using IPFamilyPolicyRequireDualStack on a single stack cluster will result in validation errors. The IPFamilies (and their order) assigned to this service is based on service.spec.ipFamilies. If service.spec.ipFamilies was not provided then it will be assigned according to how they are configured on the cluster. If service.spec.ipFamilies has only one entry then the alternative IPFamily will be added by apiserver",
    SingleStack: "indicates that this service is required to have a single IPFamily. The IPFamily assigned is based on the default IPFamily used by the cluster or as identified by service.spec.ipFamilies field" }),
  "core.v1.NodeStatus.phase": E("v1.NodePhase", {
    Pending: "means the node has been created/added by the system, but not configured.",
    Running: "means the node has been configured and has Kubernetes components running.",
    Terminated: "means the node has been removed from the cluster." }),
  "core.v1.NamespaceStatus.phase": E("v1.NamespacePhase", {
    Active: "means the namespace is available for use in the system",
    Terminating: "means the namespace is undergoing graceful termination" }),
  "discovery.v1.EndpointSlice.addressType": E("v1.AddressType", {
    FQDN: "represents a FQDN.", IPv4: "represents an IPv4 Address.", IPv6: "represents an IPv6 Address." }),
};

// Named (non-enum) Go types of fields, used in Go-style decode error messages.
const GO_TYPES = {
  "core.v1.ResourceRequirements.limits": "v1.ResourceList", "core.v1.ResourceRequirements.requests": "v1.ResourceList",
  "core.v1.NodeStatus.capacity": "v1.ResourceList", "core.v1.NodeStatus.allocatable": "v1.ResourceList",
  "core.v1.ContainerStatus.allocatedResources": "v1.ResourceList", "core.v1.PodCondition.type": "v1.PodConditionType",
  "core.v1.PodCondition.status": "v1.ConditionStatus", "core.v1.NodeCondition.type": "v1.NodeConditionType",
  "core.v1.NodeCondition.status": "v1.ConditionStatus", "core.v1.NodeAddress.type": "v1.NodeAddressType",
  "core.v1.Capabilities.add": "[]v1.Capability", "core.v1.Capabilities.drop": "[]v1.Capability",
  "core.v1.Secret.type": "v1.SecretType", "meta.v1.ObjectMeta.uid": "types.UID", "core.v1.ObjectReference.uid": "types.UID",
  "meta.v1.OwnerReference.uid": "types.UID", "meta.v1.DeleteOptions.propagationPolicy": "v1.DeletionPropagation",
  "meta.v1.Status.reason": "v1.StatusReason", "meta.v1.StatusCause.reason": "v1.CauseType", "meta.v1.StatusDetails.uid": "types.UID",
  "meta.v1.ManagedFieldsEntry.operation": "v1.ManagedFieldsOperationType", "meta.v1.Preconditions.uid": "types.UID",
};

// x-kubernetes-* list extensions of v1.32 (struct tags patchStrategy/patchMergeKey/listType).
const X = (strategy, key, listType, mapKeys) => ({
  ...(listType ? { "x-kubernetes-list-type": listType } : {}), ...(mapKeys ? { "x-kubernetes-list-map-keys": mapKeys } : {}),
  ...(key ? { "x-kubernetes-patch-merge-key": key } : {}), ...(strategy ? { "x-kubernetes-patch-strategy": strategy } : {}) });
const EXT = {
  "core.v1.PodSpec.containers": X("merge", "name", "map", ["name"]), "core.v1.PodSpec.initContainers": X("merge", "name", "map", ["name"]),
  "core.v1.PodSpec.ephemeralContainers": X("merge", "name", "map", ["name"]), "core.v1.PodSpec.volumes": X("merge,retainKeys", "name", "map", ["name"]),
  "core.v1.PodSpec.imagePullSecrets": X("merge", "name", "map", ["name"]), "core.v1.PodSpec.hostAliases": X("merge", "ip", "map", ["ip"]),
  "core.v1.PodSpec.tolerations": X(null, null, "atomic"), "core.v1.PodSpec.readinessGates": X(null, null, "atomic"),
  "core.v1.PodSpec.topologySpreadConstraints": X("merge", "topologyKey", "map", ["topologyKey", "whenUnsatisfiable"]),
  "core.v1.PodSpec.schedulingGates": X("merge", "name", "map", ["name"]), "core.v1.PodSpec.resourceClaims": X("merge,retainKeys", "name", "map", ["name"]),
  "core.v1.Container.ports": X("merge", "containerPort", "map", ["containerPort", "protocol"]),
  "core.v1.Container.env": X("merge", "name", "map", ["name"]), "core.v1.Container.envFrom": X(null, null, "atomic"),
  "core.v1.Container.volumeMounts": X("merge", "mountPath", "map", ["mountPath"]), "core.v1.Container.volumeDevices": X("merge", "devicePath", "map", ["devicePath"]),
  "core.v1.Container.command": X(null, null, "atomic"), "core.v1.Container.args": X(null, null, "atomic"), "core.v1.Container.resizePolicy": X(null, null, "atomic"),
  "core.v1.EphemeralContainer.ports": X("merge", "containerPort", "map", ["containerPort", "protocol"]),
  "core.v1.EphemeralContainer.env": X("merge", "name", "map", ["name"]), "core.v1.EphemeralContainer.volumeMounts": X("merge", "mountPath", "map", ["mountPath"]),
  "core.v1.PodStatus.conditions": X("merge", "type", "map", ["type"]), "core.v1.PodStatus.podIPs": X("merge", "ip", "map", ["ip"]),
  "core.v1.PodStatus.hostIPs": X("merge", "ip", "atomic"), "core.v1.PodStatus.containerStatuses": X(null, null, "atomic"),
  "core.v1.PodStatus.initContainerStatuses": X(null, null, "atomic"), "core.v1.PodStatus.ephemeralContainerStatuses": X(null, null, "atomic"),
  "core.v1.NodeStatus.conditions": X("merge", "type", "map", ["type"]), "core.v1.NodeStatus.addresses": X("merge", "type", "map", ["type"]),
  "core.v1.NodeStatus.images": X(null, null, "atomic"), "core.v1.NodeSpec.taints": X(null, null, "atomic"), "core.v1.NodeSpec.podCIDRs": X("merge", null, "set"),
  "core.v1.NamespaceStatus.conditions": X("merge", "type", "map", ["type"]),
  "core.v1.ServiceSpec.ports": X("merge", "port", "map", ["port", "protocol"]), "core.v1.ServiceAccount.secrets": X("merge", "name", "map", ["name"]),
  "core.v1.EndpointsList.items": null,
  "meta.v1.ObjectMeta.finalizers": X("merge", null, "set"), "meta.v1.ObjectMeta.ownerReferences": X("merge", "uid", "map", ["uid"]),
  "meta.v1.ObjectMeta.managedFields": X(null, null, "atomic"),
};
// Non-pointer struct fields upstream marks with `default: {}` besides metadata/spec/status and list items.
const OBJ_DEFAULTS = new Set(["core.v1.Container.resources", "core.v1.ContainerStatus.state", "core.v1.ContainerStatus.lastState",
  "core.v1.NodeStatus.daemonEndpoints", "core.v1.NodeStatus.nodeInfo", "core.v1.NodeDaemonEndpoints.kubeletEndpoint",
  "core.v1.ObjectFieldSelector", "core.v1.Event.involvedObject", "core.v1.Event.source", "core.v1.Binding.target"]);

// v1.31/v1.32 reference-typed fields: client-node drops their docs and kubernetes-types 1.30 predates them.
const FIELD_DOCS = {
  "core.v1.ContainerStatus.user": "User represents user identity information initially attached to the first process of the container",
  "core.v1.ContainerUser.linux": "Linux holds user identity information initially attached to the first process of the containers in Linux. Note that the actual running identity can be changed if the process has enough privilege to do so.",
  "core.v1.NodeStatus.features": "Features describes the set of features implemented by the CRI implementation.",
  "core.v1.PodSpec.resources": "Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for \"cpu\" and \"memory\" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate.",
  "core.v1.Volume.image": "image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine. The volume is resolved at pod startup depending on which PullPolicy value is provided:\n\n- Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. - Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. - IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails.\n\nThe volume gets re-resolved if the pod gets deleted and recreated, which means that new remote content will become available on pod recreation. A failure to resolve or pull the image during pod startup will block containers from starting and may add significant latency. Failures will be retried using normal volume backoff and will be reported on the pod reason and message. The types of objects that may be mounted by this volume are defined by the container runtime implementation on a host machine and at minimum must include all valid types supported by the container image field. The OCI object gets mounted in a single directory (spec.containers[*].volumeMounts.mountPath) by merging the manifest layers in the same way as for container images. The volume will be mounted read-only (ro) and non-executable files (noexec). Sub path mounts for containers are not supported (spec.containers[*].volumeMounts.subpath). The field spec.securityContext.fsGroupChangePolicy has no effect on this volume type.",
};
// Scalar defaults upstream publishes (kubectl explain does not print them; kept for fidelity).
const DEFAULTS = { "core.v1.ContainerPort.protocol": "TCP", "core.v1.ServicePort.protocol": "TCP", "core.v1.EndpointPort.protocol": "TCP" };

// Types neither npm package has: meta/v1 Table and metrics.k8s.io/v1beta1. [field, type, description].
const METRICS = "io.k8s.metrics.pkg.apis.metrics.v1beta1";
const LIST_META = "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
const OBJ_META = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
const WINDOW = "The following fields define time interval from which metrics were collected from the interval [Timestamp-Window, Timestamp].";
const HAND = [
  { up: "io.k8s.apimachinery.pkg.apis.meta.v1.TableColumnDefinition", go: "v1", required: ["name", "type", "format", "description", "priority"],
    doc: "TableColumnDefinition contains information about a column returned in the Table.", props: [
      ["description", "string", "description is a human readable description of this column."],
      ["format", "string", "format is an optional OpenAPI type modifier for this column. A format modifies the type and imposes additional rules, like date or time formatting for a string. The 'name' format is applied to the primary identifier column which has type 'string' to assist in clients identifying column is the resource name. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for more."],
      ["name", "string", "name is a human readable name for the column."],
      ["priority", "int32", "priority is an integer defining the relative importance of this column compared to others. Lower numbers are considered higher priority. Columns that may be omitted in limited space scenarios should be given a higher priority."],
      ["type", "string", "type is an OpenAPI type definition for this column, such as number, integer, string, or array. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for more."]] },
  { up: "io.k8s.apimachinery.pkg.apis.meta.v1.TableRowCondition", go: "v1", required: ["type", "status"],
    doc: "TableRowCondition allows a row to be marked with additional information.", props: [
      ["message", "string", "Human readable message indicating details about last transition."],
      ["reason", "string", "(brief) machine readable reason for the condition's last transition."],
      ["status", "string", "Status of the condition, one of True, False, Unknown."],
      ["type", "string", "Type of row condition. The only defined value is 'Completed' indicating that the object this row represents has reached a completed state and may be given less visual priority than other rows. Clients are not required to honor any conditions but should be consistent where possible about handling the conditions."]] },
  { up: "io.k8s.apimachinery.pkg.apis.meta.v1.TableRow", go: "v1", required: ["cells"],
    doc: "TableRow is an individual row in a table.", props: [
      ["cells", "[]any", "cells will be as wide as the column definitions array and may contain strings, numbers (float64 or int64), booleans, simple maps, lists, or null. See the type field of the column definition for a more detailed description."],
      ["conditions", "[]io.k8s.apimachinery.pkg.apis.meta.v1.TableRowCondition", "conditions describe additional status of a row that are relevant for a human user. These conditions apply to the row, not to the object, and will be specific to table output. The only defined condition type is 'Completed', for a row that indicates a resource that has run to completion and can be given less visual priority."],
      ["object", SPECIAL.RawExtension, "This field contains the requested additional information about each object based on the includeObject policy when requesting the Table. If \"None\", this field is empty, if \"Object\" this will be the default serialization of the object for the current API version, and if \"Metadata\" (the default) will contain the object metadata. Check the returned kind and apiVersion of the object before parsing. The media type of the object will always match the enclosing list - if this as a JSON table, these will be JSON encoded objects."]] },
  { up: "io.k8s.apimachinery.pkg.apis.meta.v1.Table", go: "v1", required: ["columnDefinitions", "rows"], gvk: { group: "meta.k8s.io", version: "v1", kind: "Table" },
    doc: "Table is a tabular representation of a set of API resources. The server transforms the object into a set of preferred columns for quickly reviewing the objects.", props: [
      ["apiVersion", "string", "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"],
      ["columnDefinitions", "[]io.k8s.apimachinery.pkg.apis.meta.v1.TableColumnDefinition", "columnDefinitions describes each column in the returned items array. The number of cells per row will always match the number of column definitions."],
      ["kind", "string", "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"],
      ["metadata", "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", LIST_META],
      ["rows", "[]io.k8s.apimachinery.pkg.apis.meta.v1.TableRow", "rows is the list of items in the table."]] },
  { up: `${METRICS}.ContainerMetrics`, go: "v1beta1", required: ["name", "usage"], doc: "ContainerMetrics sets resource usage metrics of a container.", props: [
    ["name", "string", "Container name corresponding to the one from pod.spec.containers."],
    ["usage", `{}${SPECIAL.Quantity}`, "The memory usage is the memory working set."]] },
  { up: `${METRICS}.PodMetrics`, go: "v1beta1", required: ["timestamp", "window", "containers"], gvk: { group: "metrics.k8s.io", version: "v1beta1", kind: "PodMetrics" },
    doc: "PodMetrics sets resource usage metrics of a pod.", props: [
      ["apiVersion", "string", null], ["containers", `[]${METRICS}.ContainerMetrics`, "Metrics for all containers are collected within the same time window."],
      ["kind", "string", null], ["metadata", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", OBJ_META],
      ["timestamp", SPECIAL.Time, WINDOW], ["window", "string", null]] },
  { up: `${METRICS}.NodeMetrics`, go: "v1beta1", required: ["timestamp", "window", "usage"], gvk: { group: "metrics.k8s.io", version: "v1beta1", kind: "NodeMetrics" },
    doc: "NodeMetrics sets resource usage metrics of a node.", props: [
      ["apiVersion", "string", null], ["kind", "string", null], ["metadata", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", OBJ_META],
      ["timestamp", SPECIAL.Time, WINDOW], ["usage", `{}${SPECIAL.Quantity}`, "The memory usage is the memory working set."], ["window", "string", null]] },
  ...["Pod", "Node"].map((k) => ({ up: `${METRICS}.${k}MetricsList`, go: "v1beta1", required: ["items"],
    gvk: { group: "metrics.k8s.io", version: "v1beta1", kind: `${k}MetricsList` }, doc: `${k}MetricsList is a list of ${k}Metrics.`, props: [
      ["apiVersion", "string", null], ["items", `[]${METRICS}.${k}Metrics`, `List of ${k.toLowerCase()} metrics.`],
      ["kind", "string", null], ["metadata", "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", LIST_META]] })),
];

// ---- reading the sources -------------------------------------------------------------------
/** The text of the JSDoc comment right before `node`, without comment markers. */
function jsdoc(text, node) {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const r = ranges.filter((c) => text.slice(c.pos, c.pos + 3) === "/**").pop();
  if (!r) return undefined;
  const body = text.slice(r.pos + 3, r.end - 2);
  return body.split("\n").map((l) => l.replace(/^\s*\* ?/, "")).join("\n").replace(/^\s*\n|\n\s*$/g, "").trim() || undefined;
}
/** Undoes openapi-generator's escaping of quotes and backslashes in client-node comments. */
const unescape = (s) => s?.replace(/\\(["'\\])/g, "$1");

/** Reads one client-node model: class doc, per-field doc/optionality and the attributeTypeMap. */
async function readClientNode(cls) {
  const file = path.join(CN, `${cls}.d.ts`);
  if (!fs.existsSync(file)) throw new Error(`client-node has no model ${cls}`);
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const decl = sf.statements.find((s) => ts.isClassDeclaration(s));
  const fields = new Map();
  for (const m of decl.members) {
    if (!ts.isPropertyDeclaration(m) || m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) continue;
    fields.set(m.name.text, { doc: unescape(jsdoc(text, m)), optional: !!m.questionToken });
  }
  const mod = await import(pathToFileURL(path.join(CN, `${cls}.js`)).href);
  return { doc: unescape(jsdoc(text, decl)), fields, attrs: mod[cls].attributeTypeMap };
}

/** Every interface and type alias of kubernetes-types, by "pkg:Name" (pkg like core/v1). */
function readKubernetesTypes() {
  const out = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".d.ts")) {
        const pkg = path.relative(KT, p).replace(/\.d\.ts$/, "");
        const text = fs.readFileSync(p, "utf8");
        const sf = ts.createSourceFile(p, text, ts.ScriptTarget.Latest, true);
        for (const s of sf.statements) {
          if (!ts.isInterfaceDeclaration(s) && !ts.isTypeAliasDeclaration(s)) continue;
          const props = new Map();
          for (const m of ts.isInterfaceDeclaration(s) ? s.members : []) {
            if (m.name) props.set(m.name.text, { doc: jsdoc(text, m), type: m.type?.getText(sf) ?? "" });
          }
          out.set(`${pkg}:${s.name.text}`, { pkg, doc: jsdoc(text, s), props });
        }
      }
    }
  };
  walk(KT);
  return out;
}

/** Client-node's one-line text with kubernetes-types' line breaks put back where the texts agree. */
function withBreaks(cn, kt) {
  if (!cn) return kt;
  if (!kt || !kt.includes("\n")) return cn;
  if (kt.replace(/\n/g, " ") === cn) return kt;
  let out = cn, from = 0;
  const re = /\n+/g;
  for (let m; (m = re.exec(kt)); ) {
    const anchor = kt.slice(Math.max(0, m.index - 40), m.index).replace(/\n/g, " ");
    const at = out.indexOf(anchor + " ".repeat(m[0].length), from);
    if (at < 0) continue;
    const pos = at + anchor.length;
    out = out.slice(0, pos) + m[0] + out.slice(pos + m[0].length);
    from = pos + m[0].length;
  }
  return out;
}

// ---- building the model --------------------------------------------------------------------
const kt = readKubernetesTypes();
const types = new Map(); // upstream name -> { up, short, go, doc, gvk, required, props: [{name, t, doc, meta}] }
const UP_TO_PKG = Object.fromEntries(Object.entries(PKG).map(([k, p]) => [p.up, k]));
const STANDARD = { apiVersion: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
  kind: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" };

const SPECIAL_DOCS = {
  Quantity: kt.get("api/resource:Quantity").doc,
  IntOrString: "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.",
  Time: kt.get("meta/v1:Time").doc, MicroTime: kt.get("meta/v1:MicroTime").doc,
  FieldsV1: kt.get("meta/v1:FieldsV1").doc, RawExtension: kt.get("runtime:RawExtension").doc,
};
const flat = (d) => d?.replace(/\s+/g, " ").trim();
const TYPE_DOCS = new Set(Object.values(SPECIAL_DOCS).map(flat));

/** The kubernetes-types package of a client-node class referenced from package `parent`. */
function packageOf(cls, parent) {
  const m = /^(CoreV1|DiscoveryV1|EventsV1|V1)(.+)$/.exec(cls);
  if (!m) throw new Error(`unexpected client-node class ${cls}`);
  if (m[1] === "CoreV1") return { pkg: "core/v1", short: m[2] };
  if (m[1] === "DiscoveryV1") return { pkg: "discovery/v1", short: m[2] };
  const order = [parent, "core/v1", "meta/v1", ...Object.keys(PKG)];
  return { pkg: order.find((p) => kt.has(`${p}:${m[2]}`)) ?? parent, short: m[2] };
}

/** Maps a client-node attribute type (plus the kubernetes-types field type) to a field type. */
function fieldType(a, ktType, parentPkg, queue) {
  const { type, format } = a;
  const arr = /^Array<(.+)>$/.exec(type), map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (arr) return { k: "array", of: fieldType({ type: arr[1], format }, ktType?.replace(/^Array<(.+)>$/, "$1"), parentPkg, queue) };
  if (map) return { k: "map", of: fieldType({ type: map[1], format }, /Quantity/.test(ktType ?? "") ? "Quantity" : "", parentPkg, queue) };
  if (type === "string") return ktType === "Quantity" ? { k: "ref", ref: SPECIAL.Quantity } : { k: format === "byte" ? "bytes" : "string" };
  if (type === "number") return { k: format === "int32" ? "int32" : format === "int64" ? "int64" : "double" };
  if (type === "boolean") return { k: "boolean" };
  if (type === "Date") return { k: "ref", ref: SPECIAL.Time };
  if (type === "V1MicroTime") return { k: "ref", ref: SPECIAL.MicroTime };
  if (type === "IntOrString") return { k: "ref", ref: SPECIAL.IntOrString };
  if (type === "any") return SPECIAL[ktType] ? { k: "ref", ref: SPECIAL[ktType] } : { k: "any" };
  const { pkg, short } = packageOf(type, parentPkg);
  const up = `${PKG[pkg].up}.${short}`;
  queue.push([type, pkg, short]);
  return { k: "ref", ref: up };
}

/** Adds the client-node class (and everything it references) to `types`. */
async function addClass(cls, pkg, short, gvk) {
  const up = `${PKG[pkg].up}.${short}`;
  if (types.has(up)) return;
  const cn = await readClientNode(cls);
  const ktDef = kt.get(`${pkg}:${short}`);
  const t = { up, short, go: `${PKG[pkg].go}.${short}`, doc: withBreaks(cn.doc, ktDef?.doc) ?? "", gvk, required: [], props: [] };
  types.set(up, t);
  const queue = [];
  for (const a of cn.attrs) {
    const f = cn.fields.get(a.name), ktf = ktDef?.props.get(a.baseName);
    const key = `${pkg.replace("/", ".")}.${short}.${a.baseName}`;
    const ft = fieldType(a, ktf?.type, pkg, queue);
    // client-node puts the type doc of IntOrString/MicroTime/... on such fields; kubernetes-types has the field's own.
    const cnDoc = TYPE_DOCS.has(flat(f?.doc)) ? undefined : f?.doc;
    let doc = withBreaks(cnDoc, ktf?.doc) ?? ktf?.doc ?? FIELD_DOCS[key] ?? STANDARD[a.baseName];
    const meta = {};
    const en = ENUMS[key];
    if (en) {
      meta.enum = Object.keys(en.values).sort();
      meta.goType = en.goType;
      doc = `${doc ?? ""}\n\nPossible enum values:\n${meta.enum.map((v) => ` - \`"${v}"\`${en.values[v] ? " " + en.values[v] : ""}`).join("\n")}`;
    } else if (GO_TYPES[key]) meta.goType = GO_TYPES[key];
    if (EXT[key]) meta.extensions = EXT[key];
    if (key in DEFAULTS) meta.default = DEFAULTS[key];
    if (ft.k === "ref" && !Object.values(SPECIAL).includes(ft.ref) && (["metadata", "spec", "status"].includes(a.baseName) || OBJ_DEFAULTS.has(key))) meta.default = {};
    if (!f?.optional) t.required.push(a.baseName);
    t.props.push({ name: a.baseName, t: ft, doc, meta });
  }
  for (const [c, p, s] of queue) await addClass(c, p, s);
}

/** Parses the hand-table type notation: "string", "[]X", "{}X", upstream names. */
function handType(s) {
  if (s.startsWith("[]")) return { k: "array", of: handType(s.slice(2)) };
  if (s.startsWith("{}")) return { k: "map", of: handType(s.slice(2)) };
  return ["string", "int32", "int64", "boolean", "any"].includes(s) ? { k: s } : { k: "ref", ref: s };
}

for (const [pkg, kind, cls, noList] of KINDS) {
  const { group, version } = PKG[pkg];
  await addClass(cls, pkg, kind, { group, version, kind });
  if (!noList) await addClass(`${cls}List`, pkg, `${kind}List`, { group, version, kind: `${kind}List` });
}
for (const [short, cls] of META_ROOTS) await addClass(cls, "meta/v1", short);
for (const h of HAND) {
  types.set(h.up, { up: h.up, short: h.up.split(".").pop(), go: `${h.go}.${h.up.split(".").pop()}`, doc: h.doc, gvk: h.gvk, required: h.required,
    props: h.props.map(([name, ty, doc]) => ({ name, t: handType(ty), doc: doc ?? STANDARD[name], meta: name === "metadata" ? { default: {} } : {} })) });
}

// ---- emitting TypeScript -------------------------------------------------------------------
const shorts = new Map();
for (const t of types.values()) shorts.set(t.short, (shorts.get(t.short) ?? 0) + 1);
const exportName = (up) => {
  const special = Object.entries(SPECIAL).find(([, u]) => u === up);
  if (special) return special[0];
  const t = types.get(up);
  if (shorts.get(t.short) === 1 || /^io\.k8s\.api\.core\.v1\.|meta\.v1\./.test(up)) return t.short;
  return up.split(".").slice(-3, -2)[0].replace(/^./, (c) => c.toUpperCase()) + t.short;
};
const lit = (s) => JSON.stringify(s);
const SCALAR = { string: "v.string()", boolean: "v.boolean()", int32: "int32()", int64: "int64()", double: "double()", bytes: "bytes()", any: "v.unknown()" };
function expr(ft) {
  if (ft.k === "array") return `v.array(${expr(ft.of)})`;
  if (ft.k === "map") return `v.record(v.string(), ${expr(ft.of)})`;
  if (ft.k === "ref") return `${exportName(ft.ref)}Schema`;
  return SCALAR[ft.k];
}
const refsOf = (ft) => (ft.k === "ref" ? [ft.ref] : ft.of ? refsOf(ft.of) : []);

const order = [];
const seen = new Set(), onStack = new Set();
function visit(up) {
  if (seen.has(up) || !types.has(up)) return;
  if (onStack.has(up)) throw new Error(`reference cycle through ${up}: needs v.lazy`);
  onStack.add(up);
  for (const p of types.get(up).props) refsOf(p.t).forEach(visit);
  onStack.delete(up);
  seen.add(up);
  order.push(up);
}
[...types.keys()].sort().forEach(visit);

const lines = [
  "// generated by scripts/gen-k8s-schema.mjs — do not edit",
  "// Valibot schemas of every Kubernetes v1.32 type podlab serves (core/v1 Pod, Node, Namespace, Service,",
  "// Endpoints, Event, ConfigMap, Secret, ServiceAccount, Binding; policy/v1 Eviction; coordination/v1 Lease;",
  "// discovery/v1 EndpointSlice; meta/v1 ObjectMeta, ListMeta, Status, DeleteOptions, Table, WatchEvent;",
  "// metrics.k8s.io/v1beta1 PodMetrics, NodeMetrics), with upstream names, descriptions, required fields,",
  "// formats, enums and list extensions. Used through schema/k8s/index.ts by decode, OpenAPI and types.",
  'import * as v from "valibot";',
  'import { bytes, double, field, fieldsV1, int32, int64, intOrString, k8sType, microTime, quantity, rawExtension, time } from "../primitives";',
  "",
];
for (const [name, up] of Object.entries(SPECIAL)) {
  const kind = { Quantity: "quantity", IntOrString: "intOrString", Time: "time", MicroTime: "microTime", FieldsV1: "fieldsV1", RawExtension: "rawExtension" }[name];
  lines.push(`/** ${up} */`, `export const ${name}Schema = ${kind}(${lit(up)}, ${lit(SPECIAL_DOCS[name])});`,
    `/** ${up} as a TypeScript type. */`, `export type ${name} = v.InferOutput<typeof ${name}Schema>;`, "");
}
for (const up of order) {
  const t = types.get(up), n = exportName(up);
  const meta = { name: up, go: t.go, ...(t.gvk ? { gvk: t.gvk } : {}) };
  lines.push(`/** ${up} */`, `export const ${n}Schema = k8sType(${JSON.stringify(meta)}, ${lit(t.doc)}, {`);
  for (const p of [...t.props].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const m = Object.keys(p.meta).length ? `, ${JSON.stringify(p.meta)}` : "";
    const f = `field(${expr(p.t)}, ${lit(p.doc ?? "")}${m})`;
    lines.push(`  ${/^[A-Za-z_$][\w$]*$/.test(p.name) ? p.name : lit(p.name)}: ${t.required.includes(p.name) ? f : `v.optional(${f})`},`);
  }
  lines.push("});", `/** ${up} as a TypeScript type. */`, `export type ${n} = v.InferOutput<typeof ${n}Schema>;`, "");
}
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, lines.join("\n"));
console.log(`wrote ${path.relative(ROOT, OUT)}: ${order.length} types, ${lines.length} lines`);
