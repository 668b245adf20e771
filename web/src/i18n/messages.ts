// Every string of the interface in English and Simplified Chinese, side by side so a key can
// never exist in one language only. kubectl output is never translated. `{x}` is a parameter.

/** key → { en, zh-CN }. */
export const MESSAGES = {
  tagline: { en: "Kubernetes Pod tutorial sandbox", zh: "Kubernetes Pod 教程沙箱" },
  skipToTerminal: { en: "Skip to the terminal", zh: "跳到终端" },
  language: { en: "Language", zh: "语言" },
  sandbox: { en: "Sandbox", zh: "沙箱" },
  creating: { en: "Creating your sandbox…", zh: "正在创建你的沙箱…" },
  createFailed: { en: "Could not get a sandbox: {error}", zh: "无法获得沙箱：{error}" },
  retry: { en: "Try again", zh: "重试" },
  downloadKubeconfig: { en: "Download kubeconfig", zh: "下载 kubeconfig" },
  copyKubectl: { en: "Copy kubectl command", zh: "复制 kubectl 命令" },
  kubectlOneLiner: { en: "Use your own kubectl", zh: "使用你自己的 kubectl" },
  copied: { en: "Copied to the clipboard", zh: "已复制到剪贴板" },
  reset: { en: "Reset cluster", zh: "重置集群" },
  resetConfirm: { en: "Reset the cluster? Everything you created in it is removed.", zh: "确定重置集群吗？你创建的所有对象都会被删除。" },
  resetDone: { en: "The cluster was reset.", zh: "集群已重置。" },
  clock: { en: "Virtual clock", zh: "虚拟时钟" },
  clockNow: { en: "Virtual time", zh: "虚拟时间" },
  paused: { en: "paused", zh: "已暂停" },
  pause: { en: "Pause", zh: "暂停" },
  speed: { en: "Speed", zh: "速度" },
  speedN: { en: "Run at ×{n}", zh: "以 ×{n} 运行" },
  advance: { en: "Advance time", zh: "快进时间" },
  advanceBy: { en: "Advance the clock by {d}", zh: "将时钟快进 {d}" },
  editor: { en: "YAML editor", zh: "YAML 编辑器" },
  editorLabel: { en: "Manifest in YAML. Esc then Tab leaves the editor.", zh: "YAML 清单。按 Esc 再按 Tab 离开编辑器。" },
  example: { en: "Example", zh: "示例" },
  apply: { en: "Apply", zh: "应用 (apply)" },
  delete: { en: "Delete", zh: "删除 (delete)" },
  working: { en: "Working…", zh: "处理中…" },
  rejected: { en: "The server rejected the manifest", zh: "服务器拒绝了该清单" },
  atLine: { en: "line {n}: {msg}", zh: "第 {n} 行：{msg}" },
  yamlError: { en: "YAML syntax error", zh: "YAML 语法错误" },
  terminal: { en: "Terminal", zh: "终端" },
  terminalLabel: { en: "Terminal. Type kubectl commands; Tab completes; Esc then Tab leaves the terminal.", zh: "终端。输入 kubectl 命令；Tab 补全；按 Esc 再按 Tab 离开终端。" },
  welcome: { en: "podlab terminal: kubectl v1.32 against your sandbox. Type help for what works here.", zh: "podlab 终端：对你的沙箱运行 kubectl v1.32。输入 help 查看可用命令。" },
  help: {
    en: "kubectl COMMAND ...   runs on your sandbox (get, describe, apply, delete, logs, exec, run, explain, events, ...)\n" +
      "kubectl get ... -w    watches; kubectl logs -f POD follows; Ctrl-C stops\n" +
      "kubectl exec -it POD -- sh   opens a shell in the container (exit or Ctrl-D leaves)\n" +
      "kubectl apply -f FILE  FILE is an example from the editor (ls lists them; cat FILE shows one)\n" +
      "kubectl apply -f - <<EOF ... EOF   applies the YAML typed or pasted up to EOF\n" +
      "| grep, head, tail, wc -l   filter a command's output\n" +
      "Tab completes, Up/Down walk the history, Ctrl-L clears, Esc then Tab leaves the terminal.\n",
    zh: "kubectl 命令 ...   在你的沙箱上运行（get、describe、apply、delete、logs、exec、run、explain、events 等）\n" +
      "kubectl get ... -w 持续观察；kubectl logs -f POD 持续输出日志；Ctrl-C 停止\n" +
      "kubectl exec -it POD -- sh   在容器中打开 shell（exit 或 Ctrl-D 退出）\n" +
      "kubectl apply -f 文件名   文件来自编辑器中的示例（ls 列出，cat 文件名 查看）\n" +
      "kubectl apply -f - <<EOF ... EOF   应用直到 EOF 为止输入或粘贴的 YAML\n" +
      "| grep、head、tail、wc -l   过滤命令输出\n" +
      "Tab 补全，上/下键浏览历史，Ctrl-L 清屏，按 Esc 再按 Tab 离开终端。\n",
  },
  notFound: { en: "{cmd}: command not found (type help)", zh: "{cmd}：找不到命令（输入 help 查看帮助）" },
  noRunner: { en: "The kubectl runner is not available on this server (POST /-/kubectl answered {code}).", zh: "此服务器上的 kubectl 运行器不可用（POST /-/kubectl 返回 {code}）。" },
  networkError: { en: "Network error: {error}", zh: "网络错误：{error}" },
  tryCommands: { en: "Try these", zh: "试试这些命令" },
  runCommand: { en: "Type into the terminal: {cmd}", zh: "在终端中输入：{cmd}" },
  cluster: { en: "Cluster", zh: "集群" },
  nodesLabel: { en: "Nodes and their pods", zh: "节点及其上的 Pod" },
  unscheduled: { en: "Not scheduled", zh: "未调度" },
  cpuRequests: { en: "CPU requests", zh: "CPU 请求" },
  memRequests: { en: "Memory requests", zh: "内存请求" },
  namespace: { en: "Namespace", zh: "命名空间" },
  allNamespaces: { en: "all namespaces", zh: "所有命名空间" },
  noPods: { en: "no pods", zh: "没有 Pod" },
  restarts: { en: "restarts", zh: "重启" },
  podCard: { en: "Pod {name}: {ready} {status}, {restarts} restarts", zh: "Pod {name}：{ready} {status}，重启 {restarts} 次" },
  connconnecting: { en: "connecting", zh: "连接中" },
  connlive: { en: "live", zh: "实时" },
  connreconnecting: { en: "reconnecting", zh: "重新连接中" },
  connstopped: { en: "stopped", zh: "已停止" },
  podDetail: { en: "Pod details", zh: "Pod 详情" },
  selectPod: { en: "Select a pod card to see its containers, events and the creation and deletion sequences.", zh: "选择一个 Pod 卡片，查看它的容器、事件以及创建和删除过程。" },
  close: { en: "Close", zh: "关闭" },
  containers: { en: "Containers", zh: "容器" },
  stateWaiting: { en: "waiting", zh: "等待中" },
  stateRunning: { en: "running", zh: "运行中" },
  stateTerminated: { en: "terminated", zh: "已终止" },
  ready: { en: "ready", zh: "就绪" },
  notReady: { en: "not ready", zh: "未就绪" },
  exitCode: { en: "exit code {code}", zh: "退出码 {code}" },
  events: { en: "Events", zh: "事件" },
  noEvents: { en: "No events yet.", zh: "暂无事件。" },
  creation: { en: "Creation sequence", zh: "创建过程" },
  deletion: { en: "Deletion sequence", zh: "删除过程" },
  noTrace: { en: "Nothing recorded yet.", zh: "暂无记录。" },
  lesson: { en: "Lesson", zh: "课程" },
  openFull: { en: "Open in podlab", zh: "在 podlab 中打开" },
} as const;

/** A message key. */
export type MessageKey = keyof typeof MESSAGES;
