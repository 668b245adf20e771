"""The official Python client (Debian's python3-kubernetes) against a podlab sandbox: list,
create, watch, logs, exec (v4 channel), patch, nodes, events, delete. Prints OK on success."""
import json
import sys
import urllib.error
import urllib.request

from kubernetes import client, config, watch
from kubernetes.stream import stream

config.load_kube_config(sys.argv[1])
v1 = client.CoreV1Api()
server = client.Configuration.get_default_copy().host


def advance(d):
    req = urllib.request.Request(server + "/-/clock", data=json.dumps({"advance": d}).encode(),
                                 method="POST", headers={"content-type": "application/json"})
    urllib.request.urlopen(req).read()


assert v1.list_namespaced_pod("default").items == []
pod = client.V1Pod(
    metadata=client.V1ObjectMeta(name="py", labels={"app": "py"}),
    spec=client.V1PodSpec(containers=[client.V1Container(
        name="c", image="busybox:1.36", command=["sh", "-c", "echo hello from python; sleep 3600"])]))
created = v1.create_namespaced_pod("default", pod)
assert created.status.phase == "Pending", created.status.phase
try:
    v1.create_namespaced_pod("default", pod)
    raise AssertionError("second create should fail")
except client.ApiException as e:
    assert e.status == 409, e.status

advance("15s")
seen = []
for ev in watch.Watch().stream(v1.list_namespaced_pod, "default", label_selector="app=py", timeout_seconds=2):
    seen.append((ev["type"], ev["object"].status.phase))
assert seen and seen[0] == ("ADDED", "Running"), seen

assert v1.read_namespaced_pod("py", "default").status.container_statuses[0].ready is True
log = v1.read_namespaced_pod_log("py", "default")
assert log == "hello from python\n", repr(log)

out = stream(v1.connect_get_namespaced_pod_exec, "py", "default", command=["echo", "hi"],
             stderr=True, stdin=False, stdout=True, tty=False)
assert out == "hi\n", repr(out)

patched = v1.patch_namespaced_pod("py", "default", {"metadata": {"labels": {"tier": "x"}}})
assert patched.metadata.labels == {"app": "py", "tier": "x"}, patched.metadata.labels

nodes = v1.list_node()
assert sorted(n.metadata.name for n in nodes.items) == ["master", "node01", "node02"]
assert all(n.status.node_info.kubelet_version.startswith("v1.32") for n in nodes.items)
events = v1.list_namespaced_event("default")
assert any(e.reason == "Scheduled" and e.involved_object.name == "py" for e in events.items)

v1.delete_namespaced_pod("py", "default")
advance("40s")
try:
    v1.read_namespaced_pod("py", "default")
    raise AssertionError("pod should be gone")
except client.ApiException as e:
    assert e.status == 404, e.status
print("OK")
