# %% [markdown]
# # Lesson 3.8 — Pod restart policies, with the official Python client
#
# `spec.restartPolicy` decides whether the kubelet restarts a container after it exits:
# **Always** (the default) restarts it whatever the exit code, **OnFailure** only after a non-zero
# exit code, **Never** never does. This notebook creates the lesson's pods in a podlab sandbox,
# moves the sandbox's virtual clock forward from code (`POST <server>/-/clock`), watches the pods
# change, reads their logs, runs a command in a container through `kubernetes.stream`, and finally
# asks podlab's checks endpoint whether everything behaved as the lesson says.
#
# Run it with Jupyter, or as a plain script: `python3 examples/restart-policies.py [KUBECONFIG]`.
# Without a kubeconfig it creates a sandbox on `PODLAB_URL` (default http://127.0.0.1:8787).

# %%
import json
import os
import sys
import urllib.request

from kubernetes import client, config, watch
from kubernetes.stream import stream

PODLAB_URL = os.environ.get("PODLAB_URL", "http://127.0.0.1:8787")


def http(method, url, body=None):
    """Sends JSON to podlab's own API and returns the decoded answer."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")


args = [a for a in sys.argv[1:] if not a.startswith("-")]  # Jupyter passes its own -f flag
kubeconfig = args[0] if args and os.path.exists(args[0]) else os.environ.get("PODLAB_KUBECONFIG")
if not kubeconfig:
    sandbox = http("POST", PODLAB_URL + "/api/sandboxes", {"name": "restart-policies"})
    kubeconfig = os.path.abspath("restart-policies.kubeconfig")
    with open(kubeconfig, "w") as f:
        f.write(sandbox["kubeconfig"])
    print("created sandbox", sandbox["name"], "at", sandbox["server"])

config.load_kube_config(kubeconfig)
v1 = client.CoreV1Api()
server = client.Configuration.get_default_copy().host


def advance(duration):
    """Runs the sandbox's virtual clock forward (e.g. "30s", "5m") and returns the new time."""
    return http("POST", server + "/-/clock", {"advance": duration})["now"]


def kubectl(command, stdin=None):
    """Runs a kubectl command inside podlab and returns what it printed."""
    body = {"command": command} if stdin is None else {"command": command, "stdin": stdin}
    return http("POST", server + "/-/kubectl", body)["stdout"]


def shell_pod(name, script, policy):
    """The lesson's pod: one nginx container running a shell script under a restart policy."""
    return client.V1Pod(
        metadata=client.V1ObjectMeta(name=name, labels={"lesson": "3.8"}),
        spec=client.V1PodSpec(restart_policy=policy, containers=[client.V1Container(
            name="test", image="nginx:1.27.5", command=["/bin/sh", "-c"], args=[script])]))


print("nodes:", [n.metadata.name for n in v1.list_node().items])

# %% [markdown]
# ## 3.8.1 Always — a broken command is restarted again and again
#
# The command `seeep 6` does not exist, so the shell exits with code 127. With `Always` the kubelet
# restarts the container with an exponential back-off (10 s, 20 s, 40 s, … capped at 5 minutes):
# the pod shows `CrashLoopBackOff`.

# %%
v1.create_namespaced_pod("default", shell_pod("test-restartpolicy1", "seeep 6", "Always"))
advance("5m")
p = v1.read_namespaced_pod("test-restartpolicy1", "default")
cs = p.status.container_statuses[0]
print("restarts:", cs.restart_count, "waiting:", cs.state.waiting.reason if cs.state.waiting else None,
      "last exit code:", cs.last_state.terminated.exit_code)
print(kubectl("kubectl get pods test-restartpolicy1"))
assert cs.restart_count >= 3 and cs.last_state.terminated.exit_code == 127

# %% [markdown]
# ## 3.8.2 OnFailure — restarted only after a non-zero exit code
#
# Both pods print a greeting, sleep three seconds and exit: one with 0, one with 1. We take the
# list's resourceVersion, advance the clock, and then *watch* from that version: the watch
# replays every change since, in order.

# %%
v1.create_namespaced_pod("default", shell_pod("restartpolicy-onfailure", 'echo "Hello World!"; sleep 3; exit 0', "OnFailure"))
v1.create_namespaced_pod("default", shell_pod("restartpolicy-onfailure2", 'echo "Hello World!"; sleep 3; exit 1', "OnFailure"))
rv = v1.list_namespaced_pod("default").metadata.resource_version
advance("2m")
seen = {}
for ev in watch.Watch().stream(v1.list_namespaced_pod, "default", label_selector="lesson=3.8",
                               resource_version=rv, timeout_seconds=1):
    pod = ev["object"]
    statuses = pod.status.container_statuses or []
    seen.setdefault(pod.metadata.name, []).append((ev["type"], pod.status.phase, statuses[0].restart_count if statuses else 0))
for name in ("restartpolicy-onfailure", "restartpolicy-onfailure2"):
    print(name, "→", seen[name][-1])
print(kubectl("kubectl get pods restartpolicy-onfailure restartpolicy-onfailure2"))
assert seen["restartpolicy-onfailure"][-1][1] == "Succeeded"
assert v1.read_namespaced_pod("restartpolicy-onfailure", "default").status.container_statuses[0].restart_count == 0
assert v1.read_namespaced_pod("restartpolicy-onfailure2", "default").status.container_statuses[0].restart_count >= 2

# %% [markdown]
# ## 3.8.3 Never — whatever the exit code, the container stays down
#
# The logs of a terminated container stay readable; `previous=True` reads the run before the last
# restart of a restarted one.

# %%
v1.create_namespaced_pod("default", shell_pod("restartpolicy-never", 'echo "Hello World!"; sleep 3; exit 0', "Never"))
v1.create_namespaced_pod("default", shell_pod("restartpolicy-never2", 'echo "Hello World!"; sleep 3; exit 1', "Never"))
advance("1m")
for name in ("restartpolicy-never", "restartpolicy-never2"):
    p = v1.read_namespaced_pod(name, "default")
    t = p.status.container_statuses[0].state.terminated
    print(name, p.status.phase, t.reason, "exit", t.exit_code, "restarts", p.status.container_statuses[0].restart_count)
    assert p.status.container_statuses[0].restart_count == 0
print(kubectl("kubectl get pods restartpolicy-never restartpolicy-never2"))
log = v1.read_namespaced_pod_log("restartpolicy-never2", "default")
previous = v1.read_namespaced_pod_log("restartpolicy-onfailure2", "default", previous=True)
print("log:", repr(log), "previous run of onfailure2:", repr(previous))
assert log == "Hello World!\n" and previous == "Hello World!\n"
assert v1.read_namespaced_pod("restartpolicy-never", "default").status.phase == "Succeeded"
assert v1.read_namespaced_pod("restartpolicy-never2", "default").status.phase == "Failed"

# %% [markdown]
# ## Exec into a running container and read the events
#
# `kubernetes.stream` opens the exec WebSocket (channel protocol v4) like `kubectl exec`.

# %%
v1.create_namespaced_pod("default", client.V1Pod(
    metadata=client.V1ObjectMeta(name="web", labels={"lesson": "3.8"}),
    spec=client.V1PodSpec(containers=[client.V1Container(name="nginx", image="nginx:1.27.5")])))
advance("20s")
out = stream(v1.connect_get_namespaced_pod_exec, "web", "default", command=["sh", "-c", "echo $HOSTNAME; nginx -v 2>&1"],
             stderr=True, stdin=False, stdout=True, tty=False)
print(out)
assert out.startswith("web\n")
backoffs = [e for e in v1.list_namespaced_event("default").items
            if e.reason == "BackOff" and e.involved_object.name == "test-restartpolicy1"]
print("BackOff events for test-restartpolicy1:", backoffs[0].count if backoffs else 0, "×", backoffs[0].message if backoffs else "")
assert backoffs

# %% [markdown]
# ## Did it work? Ask podlab's checks
#
# A course author states the lesson's expectations as data; podlab answers pass/fail with an
# explanation for each.

# %%
result = http("POST", server + "/-/checks", {"checks": [
    {"type": "pod", "pod": "test-restartpolicy1", "status": "CrashLoopBackOff"},
    {"type": "restarts", "pod": "test-restartpolicy1", "container": "test", "atLeast": 3},
    {"type": "restarts", "pod": "restartpolicy-onfailure2", "container": "test", "atLeast": 2},
    {"type": "pod", "pod": "restartpolicy-onfailure", "phase": "Succeeded"},
    {"type": "pod", "pod": "restartpolicy-never2", "phase": "Failed", "status": "Error"},
    {"type": "event", "pod": "test-restartpolicy1", "reason": "BackOff", "message": "Back-off restarting failed container"},
    {"type": "manifest", "kind": "Pod", "field": "spec.restartPolicy", "equals": "Never"},
    {"type": "kubectl", "command": "kubectl get pods", "matches": "^web +1/1 +Running"},
]})
for r in result["results"]:
    print("PASS" if r["passed"] else "FAIL", r["name"], "—", r["explanation"])
assert result["passed"], result

for p in v1.list_namespaced_pod("default", label_selector="lesson=3.8").items:
    v1.delete_namespaced_pod(p.metadata.name, "default", grace_period_seconds=0)
advance("10s")
assert v1.list_namespaced_pod("default", label_selector="lesson=3.8").items == []
print("lesson 3.8 complete")
