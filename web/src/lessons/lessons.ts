// The lessons of the Pod tutorial (shared/seed): one per section, each with the course's own
// manifests (file name → YAML, as `cat` showed them) and the commands the course runs. The full
// app offers every lesson; /embed?lesson=<id> preloads one.
import pod2 from "./manifests/2.pod.yaml";
import commandArgs from "./manifests/3.pod_command_args.yaml";
import res4 from "./manifests/4.pod_resources.yaml";
import res5 from "./manifests/5.pod_resources.yaml";
import res6 from "./manifests/6.pod_resources.yaml";
import env9 from "./manifests/9.pod_env.yaml";
import pullAlways from "./manifests/1.imagePullPolicy_Always.yaml";
import rp3 from "./manifests/3.restartPolicy.yaml";
import rp4 from "./manifests/4.restartPolicy.yaml";
import rp5 from "./manifests/5.restartPolicy.yaml";
import rp6 from "./manifests/6.restartPolicy.yaml";
import rp7 from "./manifests/7.restartPolicy.yaml";
import initDemo from "./manifests/init-containers.yaml";
import testPod from "./manifests/test_pod.yaml";
import probeStartup from "./manifests/1.probe.startup.yaml";
import probeLiveness from "./manifests/1.probe.liveness.yaml";
import probeReadiness from "./manifests/1.probe.readiness.yaml";
import postStart from "./manifests/1.postStart.yaml";
import preStop from "./manifests/2.preStop.yaml";

/** One example manifest: the file name the course uses and its text. */
export interface Example { file: string; variant?: string; yaml: string }

/** One lesson: a course section with its examples and commands. */
export interface Lesson { id: string; section: string; title: { en: string; zh: string }; examples: Example[]; commands: string[] }

const IMG = "crpi-j2guy08w46nav7rf.cn-hongkong.personal.cr.aliyuncs.com/xiao_he";

/** Every lesson, in course order. */
export const LESSONS: Lesson[] = [
  { id: "create-delete", section: "3.1", title: { en: "Creating and deleting a Pod", zh: "Pod 的创建&删除过程" },
    examples: [{ file: "2.pod.yaml", yaml: pod2 }],
    commands: ["kubectl apply -f 2.pod.yaml", "kubectl get pods -w", "kubectl delete pod test-pod2"] },
  { id: "statuses", section: "3.2", title: { en: "Pod statuses", zh: "Pod 的状态" },
    examples: [{ file: "3.restartPolicy.yaml", yaml: rp3 }],
    commands: ["kubectl apply -f 3.restartPolicy.yaml", "kubectl get pods", "kubectl describe pod test-restartpolicy1"] },
  { id: "multi-container", section: "3.3", title: { en: "Several containers in one Pod", zh: "一个 Pod 多容器" },
    examples: [{ file: "2.pod.yaml", yaml: pod2 }],
    commands: ["kubectl apply -f 2.pod.yaml", "kubectl get pods", "kubectl get pods -o wide"] },
  { id: "command-args", section: "3.4", title: { en: "Command and arguments", zh: "Pod 的启动命令和参数" },
    examples: [{ file: "3.pod_command_args.yaml", yaml: commandArgs }],
    commands: [`kubectl run test-alpine --image=${IMG}/alpine:3.20`, "kubectl get pods", "kubectl apply -f 3.pod_command_args.yaml",
      "kubectl logs command-args", "kubectl exec -it command-args -- ps"] },
  { id: "resources", section: "3.5", title: { en: "requests & limits", zh: "requests & limits" },
    examples: [{ file: "4.pod_resources.yaml", yaml: res4 }, { file: "5.pod_resources.yaml", yaml: res5 }, { file: "6.pod_resources.yaml", yaml: res6 }],
    commands: ["kubectl apply -f 4.pod_resources.yaml", "kubectl get pods -o wide", "kubectl describe nodes node01",
      "kubectl apply -f 5.pod_resources.yaml", "kubectl apply -f 6.pod_resources.yaml", "kubectl describe pods pod-resources3"] },
  { id: "env", section: "3.6", title: { en: "Environment variables", zh: "Pod 的环境变量&内置变量" },
    examples: [{ file: "9.pod_env.yaml", yaml: env9 }],
    commands: ["kubectl explain pod.spec.containers.env", "kubectl apply -f 9.pod_env.yaml", "kubectl exec -it pod-env -- env"] },
  { id: "image-pull-policy", section: "3.7", title: { en: "Image pull policy", zh: "Pod 的镜像拉取策略" },
    examples: [{ file: "1.imagePullPolicy_Always.yaml", yaml: pullAlways }],
    commands: ["kubectl apply -f 1.imagePullPolicy_Always.yaml", "kubectl describe pods always",
      `kubectl run test-imagepolicy --image=${IMG}/nginx:1.27.5`, `kubectl run test-imagepolicy2 --image=${IMG}/alpine:3.20`,
      `kubectl run test-imagepolicy3 --image=${IMG}/nginx:1.27.5 --image-pull-policy=Never`,
      `kubectl run test-imagepolicy4 --image=${IMG}/mysql:8.0.16 --image-pull-policy=Never`, "kubectl describe pods test-imagepolicy4"] },
  { id: "restart-policy", section: "3.8", title: { en: "Restart policy", zh: "Pod 的重启策略" },
    examples: [{ file: "3.restartPolicy.yaml", variant: "Always", yaml: rp3 }, { file: "4.restartPolicy.yaml", variant: "OnFailure, exit 0", yaml: rp4 },
      { file: "5.restartPolicy.yaml", variant: "OnFailure, exit 1", yaml: rp5 }, { file: "6.restartPolicy.yaml", variant: "Never, exit 0", yaml: rp6 },
      { file: "7.restartPolicy.yaml", variant: "Never, exit 1", yaml: rp7 }],
    commands: ["kubectl apply -f 3.restartPolicy.yaml", "kubectl get pods test-restartpolicy1 -w", "kubectl apply -f 4.restartPolicy.yaml",
      "kubectl apply -f 5.restartPolicy.yaml", "kubectl apply -f 7.restartPolicy.yaml -f 6.restartPolicy.yaml", "kubectl get pods"] },
  { id: "lifecycle", section: "3.9", title: { en: "Phases, conditions, container states", zh: "Pod 的生命周期" },
    examples: [{ file: "1.imagePullPolicy_Always.yaml", yaml: pullAlways }],
    commands: ["kubectl apply -f 1.imagePullPolicy_Always.yaml", "kubectl get po always -o jsonpath='{.status.phase}'",
      "kubectl explain pod.status.conditions", "kubectl get pods always -o yaml", "kubectl describe pod always"] },
  { id: "init-containers", section: "3.10", title: { en: "Init containers", zh: "Init 容器" },
    examples: [{ file: "init-containers.yaml", yaml: initDemo }],
    commands: ["kubectl explain pod.spec.initContainers", "kubectl apply -f init-containers.yaml", "kubectl get pods init-demo -w"] },
  { id: "probes", section: "3.11", title: { en: "Probes", zh: "Pod 三探针&四检查" },
    examples: [{ file: "test_pod.yaml", yaml: testPod }, { file: "1.probe.yaml", variant: "startupProbe", yaml: probeStartup },
      { file: "1.probe.yaml", variant: "+ livenessProbe", yaml: probeLiveness }, { file: "1.probe.yaml", variant: "+ readinessProbe", yaml: probeReadiness }],
    commands: ["kubectl apply -f test_pod.yaml", "kubectl get pods -o wide", "kubectl apply -f 1.probe.yaml", "kubectl describe pod test-probe"] },
  { id: "hooks", section: "3.12", title: { en: "postStart and preStop hooks", zh: "事件处理函数" },
    examples: [{ file: "1.postStart.yaml", yaml: postStart }, { file: "2.preStop.yaml", yaml: preStop }],
    commands: ["kubectl replace --force -f 1.postStart.yaml", "kubectl get pods", "kubectl exec -it poststart -- cat /data/test.txt",
      "kubectl apply -f 2.preStop.yaml", "kubectl delete pod prestop"] },
];

/** The lesson with this id. */
export function lessonById(id: string | null | undefined): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** Every distinct example across lessons, in course order (the full app's example list). */
export function allExamples(): Example[] {
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const l of LESSONS) for (const e of l.examples) {
    const key = `${e.file}|${e.variant ?? ""}`;
    if (!seen.has(key)) { seen.add(key); out.push(e); }
  }
  return out;
}
