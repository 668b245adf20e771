// Go type descriptors of the internal (pkg/apis/core) types that upstream's pod update error
// diffs with go-cmp: field order, Go names, JSON names, pointer/slice/map shapes. Only the shape
// matters for the diff (which fields exist, in which order, and how they print).

/** A Go type, as far as go-cmp's reporter can tell. */
export type GoType =
  | { k: "string"; name: string; stringer?: boolean }
  | { k: "int"; name: string }
  | { k: "bool"; name: string }
  | { k: "struct"; name: string; fields: GoField[] }
  | { k: "ptr"; elem: GoType }
  | { k: "slice"; elem: GoType; name?: string }
  | { k: "map"; key: GoType; elem: GoType; name?: string }
  | { k: "quantity" }
  | { k: "json" };

/** A struct field; `inline` fields read their JSON from the parent object (embedding). */
export interface GoField { go: string; json: string; t: GoType; inline?: boolean }

const s = (name = "string"): GoType => ({ k: "string", name });
const i = (name = "int32"): GoType => ({ k: "int", name });
const b = (name = "bool"): GoType => ({ k: "bool", name });
const p = (elem: GoType): GoType => ({ k: "ptr", elem });
const l = (elem: GoType, name?: string): GoType => ({ k: "slice", elem, name });
const m = (key: GoType, elem: GoType, name?: string): GoType => ({ k: "map", key, elem, name });
const lc = (go: string) => go[0].toLowerCase() + go.slice(1);
/** Field spec: "Name" (json = camelCase), "Name:json", "*Name" inline. */
function st(name: string, fields: [string, GoType][]): GoType {
  return {
    k: "struct", name,
    fields: fields.map(([spec, t]) => {
      const inline = spec.startsWith("*");
      const [go, json] = spec.replace("*", "").split(":");
      return { go, json: json ?? lc(go), t, inline };
    }),
  };
}

const Q: GoType = { k: "quantity" };
const J: GoType = { k: "json" };
const ResourceName: GoType = { k: "string", name: "core.ResourceName", stringer: true };
const ResourceList = m(ResourceName, Q, "core.ResourceList");
const strs = l(s());
const strMap = m(s(), s());
const LocalObjectReference = st("core.LocalObjectReference", [["Name", s()]]);
const IntOrString = st("intstr.IntOrString", [["Type", i("intstr.Type")], ["IntVal", i()], ["StrVal", s()]]);

const KeyToPath = st("core.KeyToPath", [["Key", s()], ["Path", s()], ["Mode", p(i())]]);
const ObjectFieldSelector = st("core.ObjectFieldSelector", [["APIVersion:apiVersion", s()], ["FieldPath", s()]]);
const ResourceFieldSelector = st("core.ResourceFieldSelector", [["ContainerName", s()], ["Resource", s()], ["Divisor", Q]]);
const DownwardAPIVolumeFile = st("core.DownwardAPIVolumeFile", [
  ["Path", s()], ["FieldRef", p(ObjectFieldSelector)], ["ResourceFieldRef", p(ResourceFieldSelector)], ["Mode", p(i())],
]);
const VolumeProjection = st("core.VolumeProjection", [
  ["Secret", p(st("core.SecretProjection", [["*LocalObjectReference", LocalObjectReference], ["Items", l(KeyToPath)], ["Optional", p(b())]]))],
  ["DownwardAPI", p(st("core.DownwardAPIProjection", [["Items", l(DownwardAPIVolumeFile)]]))],
  ["ConfigMap", p(st("core.ConfigMapProjection", [["*LocalObjectReference", LocalObjectReference], ["Items", l(KeyToPath)], ["Optional", p(b())]]))],
  ["ServiceAccountToken", p(st("core.ServiceAccountTokenProjection", [["Audience", s()], ["ExpirationSeconds", i("int64")], ["Path", s()]]))],
  ["ClusterTrustBundle", p(J)],
]);
const VolumeSource = st("core.VolumeSource", [
  ["HostPath", p(st("core.HostPathVolumeSource", [["Path", s()], ["Type", p(s("core.HostPathType"))]]))],
  ["EmptyDir", p(st("core.EmptyDirVolumeSource", [["Medium", s("core.StorageMedium")], ["SizeLimit", p(Q)]]))],
  ["GCEPersistentDisk", p(J)], ["AWSElasticBlockStore", p(J)], ["GitRepo", p(J)],
  ["Secret", p(st("core.SecretVolumeSource", [["SecretName", s()], ["Items", l(KeyToPath)], ["DefaultMode", p(i())], ["Optional", p(b())]]))],
  ["NFS:nfs", p(st("core.NFSVolumeSource", [["Server", s()], ["Path", s()], ["ReadOnly", b()]]))],
  ["ISCSI:iscsi", p(J)], ["Glusterfs", p(J)],
  ["PersistentVolumeClaim", p(st("core.PersistentVolumeClaimVolumeSource", [["ClaimName", s()], ["ReadOnly", b()]]))],
  ["RBD:rbd", p(J)], ["Quobyte", p(J)], ["FlexVolume", p(J)], ["Cinder", p(J)], ["CephFS:cephfs", p(J)], ["Flocker", p(J)],
  ["DownwardAPI", p(st("core.DownwardAPIVolumeSource", [["Items", l(DownwardAPIVolumeFile)], ["DefaultMode", p(i())]]))],
  ["FC:fc", p(J)], ["AzureFile", p(J)],
  ["ConfigMap", p(st("core.ConfigMapVolumeSource", [["*LocalObjectReference", LocalObjectReference], ["Items", l(KeyToPath)], ["DefaultMode", p(i())], ["Optional", p(b())]]))],
  ["VsphereVolume", p(J)], ["AzureDisk", p(J)], ["PhotonPersistentDisk", p(J)],
  ["Projected", p(st("core.ProjectedVolumeSource", [["Sources", l(VolumeProjection)], ["DefaultMode", p(i())]]))],
  ["PortworxVolume", p(J)], ["ScaleIO:scaleIO", p(J)], ["StorageOS:storageos", p(J)],
  ["CSI:csi", p(st("core.CSIVolumeSource", [["Driver", s()], ["ReadOnly", p(b())], ["FSType:fsType", p(s())], ["VolumeAttributes", strMap], ["NodePublishSecretRef", p(LocalObjectReference)]]))],
  ["Ephemeral", p(J)], ["Image", p(J)],
]);
const Volume = st("core.Volume", [["Name", s()], ["*VolumeSource", VolumeSource]]);

const ExecAction = st("core.ExecAction", [["Command", strs]]);
const HTTPGetAction = st("core.HTTPGetAction", [
  ["Path", s()], ["Port", IntOrString], ["Host", s()], ["Scheme", s("core.URIScheme")],
  ["HTTPHeaders:httpHeaders", l(st("core.HTTPHeader", [["Name", s()], ["Value", s()]]))],
]);
const TCPSocketAction = st("core.TCPSocketAction", [["Port", IntOrString], ["Host", s()]]);
const ProbeHandler = st("core.ProbeHandler", [
  ["Exec", p(ExecAction)], ["HTTPGet:httpGet", p(HTTPGetAction)], ["TCPSocket:tcpSocket", p(TCPSocketAction)],
  ["GRPC:grpc", p(st("core.GRPCAction", [["Port", i()], ["Service", p(s())]]))],
]);
const Probe = st("core.Probe", [
  ["*ProbeHandler", ProbeHandler], ["InitialDelaySeconds", i()], ["TimeoutSeconds", i()], ["PeriodSeconds", i()],
  ["SuccessThreshold", i()], ["FailureThreshold", i()], ["TerminationGracePeriodSeconds", p(i("int64"))],
]);
const LifecycleHandler = st("core.LifecycleHandler", [
  ["Exec", p(ExecAction)], ["HTTPGet:httpGet", p(HTTPGetAction)], ["TCPSocket:tcpSocket", p(TCPSocketAction)],
  ["Sleep", p(st("core.SleepAction", [["Seconds", i("int64")]]))],
]);
const SeccompProfile = st("core.SeccompProfile", [["Type", s("core.SeccompProfileType")], ["LocalhostProfile", p(s())]]);
const AppArmorProfile = st("core.AppArmorProfile", [["Type", s("core.AppArmorProfileType")], ["LocalhostProfile", p(s())]]);
const SELinuxOptions = st("core.SELinuxOptions", [["User", s()], ["Role", s()], ["Type", s()], ["Level", s()]]);
const WindowsOptions = st("core.WindowsSecurityContextOptions", [
  ["GMSACredentialSpecName:gmsaCredentialSpecName", p(s())], ["GMSACredentialSpec:gmsaCredentialSpec", p(s())],
  ["RunAsUserName", p(s())], ["HostProcess", p(b())],
]);
const SecurityContext = st("core.SecurityContext", [
  ["Capabilities", p(st("core.Capabilities", [["Add", l(s("core.Capability"))], ["Drop", l(s("core.Capability"))]]))],
  ["Privileged", p(b())], ["SELinuxOptions:seLinuxOptions", p(SELinuxOptions)], ["WindowsOptions", p(WindowsOptions)],
  ["RunAsUser", p(i("int64"))], ["RunAsGroup", p(i("int64"))], ["RunAsNonRoot", p(b())],
  ["ReadOnlyRootFilesystem", p(b())], ["AllowPrivilegeEscalation", p(b())], ["ProcMount", p(s("core.ProcMountType"))],
  ["SeccompProfile", p(SeccompProfile)], ["AppArmorProfile", p(AppArmorProfile)],
]);
const KeySelector = (name: string) => st(name, [["*LocalObjectReference", LocalObjectReference], ["Key", s()], ["Optional", p(b())]]);
const EnvSource = (name: string) => st(name, [["*LocalObjectReference", LocalObjectReference], ["Optional", p(b())]]);
const containerFields: [string, GoType][] = [
  ["Name", s()], ["Image", s()], ["Command", strs], ["Args", strs], ["WorkingDir", s()],
  ["Ports", l(st("core.ContainerPort", [["Name", s()], ["HostPort", i()], ["ContainerPort", i()], ["Protocol", s("core.Protocol")], ["HostIP:hostIP", s()]]))],
  ["EnvFrom", l(st("core.EnvFromSource", [["Prefix", s()], ["ConfigMapRef", p(EnvSource("core.ConfigMapEnvSource"))], ["SecretRef", p(EnvSource("core.SecretEnvSource"))]]))],
  ["Env", l(st("core.EnvVar", [["Name", s()], ["Value", s()], ["ValueFrom", p(st("core.EnvVarSource", [
    ["FieldRef", p(ObjectFieldSelector)], ["ResourceFieldRef", p(ResourceFieldSelector)],
    ["ConfigMapKeyRef", p(KeySelector("core.ConfigMapKeySelector"))], ["SecretKeyRef", p(KeySelector("core.SecretKeySelector"))],
  ]))]]))],
  ["Resources", st("core.ResourceRequirements", [["Limits", ResourceList], ["Requests", ResourceList], ["Claims", l(st("core.ResourceClaim", [["Name", s()], ["Request", s()]]))]])],
  ["ResizePolicy", l(st("core.ContainerResizePolicy", [["ResourceName", ResourceName], ["RestartPolicy", s("core.ResourceResizeRestartPolicy")]]))],
  ["RestartPolicy", p(s("core.ContainerRestartPolicy"))],
  ["VolumeMounts", l(st("core.VolumeMount", [
    ["Name", s()], ["ReadOnly", b()], ["RecursiveReadOnly", p(s("core.RecursiveReadOnlyMode"))], ["MountPath", s()],
    ["SubPath", s()], ["MountPropagation", p(s("core.MountPropagationMode"))], ["SubPathExpr", s()],
  ]))],
  ["VolumeDevices", l(st("core.VolumeDevice", [["Name", s()], ["DevicePath", s()]]))],
  ["LivenessProbe", p(Probe)], ["ReadinessProbe", p(Probe)], ["StartupProbe", p(Probe)],
  ["Lifecycle", p(st("core.Lifecycle", [["PostStart", p(LifecycleHandler)], ["PreStop", p(LifecycleHandler)]]))],
  ["TerminationMessagePath", s()], ["TerminationMessagePolicy", s("core.TerminationMessagePolicy")],
  ["ImagePullPolicy", s("core.PullPolicy")], ["SecurityContext", p(SecurityContext)],
  ["Stdin", b()], ["StdinOnce", b()], ["TTY:tty", b()],
];
const Container = st("core.Container", containerFields);
const EphemeralContainer = st("core.EphemeralContainer", [
  ["*EphemeralContainerCommon", st("core.EphemeralContainerCommon", containerFields)], ["TargetContainerName", s()],
]);
const LabelSelector = st("v1.LabelSelector", [
  ["MatchLabels", strMap],
  ["MatchExpressions", l(st("v1.LabelSelectorRequirement", [["Key", s()], ["Operator", s("v1.LabelSelectorOperator")], ["Values", strs]]))],
]);
const NodeSelectorTerm = st("core.NodeSelectorTerm", [
  ["MatchExpressions", l(st("core.NodeSelectorRequirement", [["Key", s()], ["Operator", s("core.NodeSelectorOperator")], ["Values", strs]]))],
  ["MatchFields", l(st("core.NodeSelectorRequirement", [["Key", s()], ["Operator", s("core.NodeSelectorOperator")], ["Values", strs]]))],
]);
const PodAffinityTerm = st("core.PodAffinityTerm", [
  ["LabelSelector", p(LabelSelector)], ["Namespaces", strs], ["TopologyKey", s()], ["NamespaceSelector", p(LabelSelector)],
  ["MatchLabelKeys", strs], ["MismatchLabelKeys", strs],
]);
const PodAffinity = (name: string) => st(name, [
  ["RequiredDuringSchedulingIgnoredDuringExecution", l(PodAffinityTerm)],
  ["PreferredDuringSchedulingIgnoredDuringExecution", l(st("core.WeightedPodAffinityTerm", [["Weight", i()], ["PodAffinityTerm", PodAffinityTerm]]))],
]);
const Affinity = st("core.Affinity", [
  ["NodeAffinity", p(st("core.NodeAffinity", [
    ["RequiredDuringSchedulingIgnoredDuringExecution", p(st("core.NodeSelector", [["NodeSelectorTerms", l(NodeSelectorTerm)]]))],
    ["PreferredDuringSchedulingIgnoredDuringExecution", l(st("core.PreferredSchedulingTerm", [["Weight", i()], ["Preference", NodeSelectorTerm]]))],
  ]))],
  ["PodAffinity", p(PodAffinity("core.PodAffinity"))], ["PodAntiAffinity", p(PodAffinity("core.PodAntiAffinity"))],
]);
/** Internal PodSecurityContext: the v1 host* fields live here (filled by the converter). */
export const PodSecurityContext = st("core.PodSecurityContext", [
  ["HostNetwork", b()], ["HostPID:hostPID", b()], ["HostIPC:hostIPC", b()], ["ShareProcessNamespace", p(b())], ["HostUsers", p(b())],
  ["SELinuxOptions:seLinuxOptions", p(SELinuxOptions)], ["WindowsOptions", p(WindowsOptions)], ["RunAsUser", p(i("int64"))],
  ["RunAsGroup", p(i("int64"))], ["RunAsNonRoot", p(b())], ["SupplementalGroups", l(i("int64"))],
  ["SupplementalGroupsPolicy", p(s("core.SupplementalGroupsPolicy"))], ["FSGroup:fsGroup", p(i("int64"))],
  ["FSGroupChangePolicy:fsGroupChangePolicy", p(s("core.PodFSGroupChangePolicy"))],
  ["Sysctls", l(st("core.Sysctl", [["Name", s()], ["Value", s()]]))], ["SeccompProfile", p(SeccompProfile)],
  ["AppArmorProfile", p(AppArmorProfile)], ["SELinuxChangePolicy:seLinuxChangePolicy", p(s("core.PodSELinuxChangePolicy"))],
]);

/** Internal core.PodSpec of v1.32 (34 fields, PodLevelResources' Resources last). */
export const PodSpecType = st("core.PodSpec", [
  ["Volumes", l(Volume)], ["InitContainers", l(Container)], ["Containers", l(Container)],
  ["EphemeralContainers", l(EphemeralContainer)], ["RestartPolicy", s("core.RestartPolicy")],
  ["TerminationGracePeriodSeconds", p(i("int64"))], ["ActiveDeadlineSeconds", p(i("int64"))],
  ["DNSPolicy:dnsPolicy", s("core.DNSPolicy")], ["NodeSelector", strMap], ["ServiceAccountName", s()],
  ["AutomountServiceAccountToken", p(b())], ["NodeName", s()], ["SecurityContext", p(PodSecurityContext)],
  ["ImagePullSecrets", l(LocalObjectReference)], ["Hostname", s()], ["Subdomain", s()],
  ["SetHostnameAsFQDN:setHostnameAsFQDN", p(b())], ["Affinity", p(Affinity)], ["SchedulerName", s()],
  ["Tolerations", l(st("core.Toleration", [["Key", s()], ["Operator", s("core.TolerationOperator")], ["Value", s()], ["Effect", s("core.TaintEffect")], ["TolerationSeconds", p(i("int64"))]]))],
  ["HostAliases", l(st("core.HostAlias", [["IP:ip", s()], ["Hostnames", strs]]))], ["PriorityClassName", s()],
  ["Priority", p(i())], ["PreemptionPolicy", p(s("core.PreemptionPolicy"))],
  ["DNSConfig:dnsConfig", p(st("core.PodDNSConfig", [["Nameservers", strs], ["Searches", strs], ["Options", l(st("core.PodDNSConfigOption", [["Name", s()], ["Value", p(s())]]))]]))],
  ["ReadinessGates", l(st("core.PodReadinessGate", [["ConditionType", s("core.PodConditionType")]]))],
  ["RuntimeClassName", p(s())], ["Overhead", ResourceList], ["EnableServiceLinks", p(b())],
  ["TopologySpreadConstraints", l(st("core.TopologySpreadConstraint", [
    ["MaxSkew", i()], ["TopologyKey", s()], ["WhenUnsatisfiable", s("core.UnsatisfiableConstraintAction")],
    ["LabelSelector", p(LabelSelector)], ["MinDomains", p(i())], ["NodeAffinityPolicy", p(s("core.NodeInclusionPolicy"))],
    ["NodeTaintsPolicy", p(s("core.NodeInclusionPolicy"))], ["MatchLabelKeys", strs],
  ]))],
  ["OS:os", p(st("core.PodOS", [["Name", s("core.OSName")]]))],
  ["SchedulingGates", l(st("core.PodSchedulingGate", [["Name", s()]]))],
  ["ResourceClaims", l(st("core.PodResourceClaim", [["Name", s()], ["ResourceClaimName", p(s())], ["ResourceClaimTemplateName", p(s())]]))],
  ["Resources", p(st("core.ResourceRequirements", [["Limits", ResourceList], ["Requests", ResourceList], ["Claims", l(st("core.ResourceClaim", [["Name", s()], ["Request", s()]]))]]))],
]);
