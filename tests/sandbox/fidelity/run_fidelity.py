#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Real clients nobody here wrote, against azure-msi-sandbox: kubectl 1.32, Debian's python3-kubernetes
and @kubernetes/client-node 1.x on Node 20. Every expected answer is a real kube-apiserver's (1.29+);
each check names the upstream source or documentation it follows.

Usage: run_fidelity.py --sandbox PATH/azure-msi-sandbox --work DIR [--node-dir DIR]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

ARGS = None
SANDBOX = None  # the running simulator: url, ca file, kubeconfig

SCENARIO = {
    "kubernetes": {
        "namespaces": ["team-a", "team-b"],
        "azureIdentities": [
            {"name": "id1", "namespace": "team-a", "labels": {"app": "a"},
             "spec": {"type": 0, "clientID": "c1",
                      "resourceID": "/subscriptions/s/resourcegroups/rg/providers/"
                                    "Microsoft.ManagedIdentity/userAssignedIdentities/id1"}},
        ],
        "users": [
            {"name": "admin", "token": "t-admin", "groups": ["system:masters"]},
            {"name": "dev", "token": "t-dev"},
            {"name": "nobody", "token": "t-nobody"},
        ],
        "rbac": [
            {"user": "dev", "verbs": ["get", "list", "watch"], "apiGroups": ["aadpodidentity.k8s.io"],
             "resources": ["azureidentities"], "namespaces": ["team-a"]},
        ],
    }
}


def find_kubectl():
    """kubectl 1.32 itself: the machine's kubectl may be a dispatcher with versioned binaries beside it."""
    dispatcher = shutil.which("kubectl")
    candidates = []
    if dispatcher:
        candidates.append(os.path.join(os.path.dirname(os.path.realpath(dispatcher)), "kubectl.1.32"))
        candidates.append(os.path.join(os.path.dirname(dispatcher), "kubectl.1.32"))
    for c in candidates:
        if os.access(c, os.X_OK):
            return c
    found = shutil.which("kubectl.1.32")
    if found:
        return found
    raise SystemExit("fidelity: kubectl 1.32 not found (looked for kubectl.1.32 beside %s and on PATH)" % dispatcher)


class Sandbox:
    def __init__(self, binary, work):
        self.work = work
        scenario = os.path.join(work, "scenario.json")
        with open(scenario, "w") as f:
            json.dump(SCENARIO, f)
        out = os.path.join(work, "out")
        self.process = subprocess.Popen([binary, "--scenario", scenario, "--tls", "--out", out],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.url = None
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            if line.startswith("azure-msi-sandbox listening on "):
                self.url = line.split()[-1].rstrip("/")
            if line.startswith("stop with"):
                break
        if not self.url:
            self.process.kill()
            raise SystemExit("fidelity: the simulator did not start")
        self.ca = os.path.join(out, "ca.crt")
        self.kubeconfig = os.path.join(work, "kubeconfig")
        users = "".join("- name: %s\n  user:\n    token: t-%s\n" % (u, u) for u in ("admin", "dev", "nobody"))
        with open(self.kubeconfig, "w") as f:
            f.write("apiVersion: v1\nkind: Config\nclusters:\n- name: sandbox\n  cluster:\n"
                    "    server: %s\n    certificate-authority: %s\n"
                    "contexts:\n- name: sandbox\n  context:\n    cluster: sandbox\n    user: admin\n"
                    "    namespace: team-a\ncurrent-context: sandbox\nusers:\n%s" % (self.url, self.ca, users))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def kubectl(*args, user="admin", stdin=None):
    env = dict(os.environ, HOME=SANDBOX.work)
    env.pop("KUBECONFIG", None)
    cmd = [ARGS.kubectl, "--kubeconfig", SANDBOX.kubeconfig, "--user", user,
           "--cache-dir", os.path.join(SANDBOX.work, "cache"), "--request-timeout=20s"] + list(args)
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, timeout=60)
    return r.returncode, r.stdout, r.stderr


def identity(name, **spec):
    body = {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentity",
            "metadata": {"name": name, "namespace": "team-a"}, "spec": {"type": 0, "clientID": "x"}}
    body["spec"].update(spec)
    return body


def python_client(token="t-admin"):
    import kubernetes.client as kc
    config = kc.Configuration()
    config.host = SANDBOX.url
    config.ssl_ca_cert = SANDBOX.ca
    config.api_key = {"authorization": "Bearer " + token}
    return kc.ApiClient(config)


class KubectlChecks(unittest.TestCase):
    """kubectl 1.32."""

    def test_dry_run_create_and_delete_persist_nothing(self):
        # apiserver handlers/create.go + delete.go: dryRun=All runs admission and validation, skips storage.
        code, out, err = kubectl("create", "--dry-run=server", "-o", "name", "-f", "-",
                                 stdin=json.dumps(identity("dry-one")))
        self.assertEqual(code, 0, err)
        code, _, err = kubectl("get", "azureidentity", "dry-one")
        self.assertNotEqual(code, 0)
        self.assertIn("NotFound", err)
        code, _, err = kubectl("delete", "--dry-run=server", "azureidentity", "id1")
        self.assertEqual(code, 0, err)
        self.assertEqual(kubectl("get", "azureidentity", "id1")[0], 0)

    def test_diff_changes_nothing(self):
        # kubectl diff sends a dryRun=All PATCH; exit code 1 means "differences found".
        changed = identity("id1", clientID="changed")
        code, out, err = kubectl("diff", "-f", "-", stdin=json.dumps(changed))
        self.assertEqual(code, 1, err)
        self.assertIn("changed", out)
        code, out, _ = kubectl("get", "azureidentity", "id1", "-o", "jsonpath={.spec.clientID}")
        self.assertEqual(out, "c1")

    def test_protobuf_built_ins(self):
        # kubectl 1.32 sends application/vnd.kubernetes.protobuf for built-in kinds; the simulator decodes them.
        for args in (["create", "namespace", "proto-ns"],
                     ["create", "configmap", "proto-cm", "--from-literal=k=v"],
                     ["create", "serviceaccount", "proto-sa"]):
            code, _, err = kubectl(*args)
            self.assertEqual(code, 0, err)
        code, out, _ = kubectl("get", "configmap", "proto-cm", "-o", "jsonpath={.data.k}")
        self.assertEqual(out, "v")
        code, out, _ = kubectl("get", "namespace", "proto-ns", "-o",
                               "jsonpath={.metadata.labels.kubernetes\\.io/metadata\\.name}")
        self.assertEqual(out, "proto-ns")

    def test_auth_can_i(self):
        # authorization/v1 SelfSubjectAccessReview; a user without rules is denied (exit 1, "no").
        code, out, _ = kubectl("auth", "can-i", "delete", "azureidentities", user="nobody")
        self.assertEqual((code, out.strip()), (1, "no"))
        code, out, _ = kubectl("auth", "can-i", "list", "azureidentities", "-n", "team-a", user="dev")
        self.assertEqual((code, out.strip()), (0, "yes"))
        code, out, _ = kubectl("auth", "can-i", "list", "azureidentities", "-n", "team-b", user="dev")
        self.assertEqual((code, out.strip()), (1, "no"))

    def test_can_i_list_includes_namespace_rules(self):
        # SelfSubjectRulesReview for the context's namespace lists the namespace-scoped grants.
        code, out, err = kubectl("auth", "can-i", "--list", "-n", "team-a", user="dev")
        self.assertEqual(code, 0, err)
        self.assertIn("azureidentities.aadpodidentity.k8s.io", out)

    def test_review_without_attributes_is_422(self):
        # ValidateSelfSubjectAccessReviewSpec: exactly one of resourceAttributes / nonResourceAttributes.
        body = {"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview", "spec": {}}
        path = os.path.join(SANDBOX.work, "ssar.json")
        with open(path, "w") as f:
            json.dump(body, f)
        code, out, err = kubectl("create", "--raw", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                 "-f", path, user="nobody")
        self.assertNotEqual(code, 0)
        self.assertIn("exactly one of nonResourceAttributes or resourceAttributes must be specified", err)
        # An undecodable review is a 400, never "allowed".
        with open(path, "w") as f:
            f.write("not json")
        code, out, err = kubectl("create", "--raw", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                 "-f", path, user="nobody")
        self.assertNotEqual(code, 0)
        self.assertNotIn('"allowed":true', out.replace(" ", ""))
        self.assertIn("json parse error", err)

    def test_whoami_and_impersonation(self):
        # authentication/v1 SelfSubjectReview; impersonation needs the "impersonate" verb (apiserver
        # pkg/endpoints/filters/impersonation.go).
        code, out, err = kubectl("auth", "whoami", "-o", "json", user="dev")
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["status"]["userInfo"]["username"], "dev")
        code, out, err = kubectl("auth", "whoami", "-o", "json", "--as", "someone", "--as-group", "team")
        self.assertEqual(code, 0, err)
        info = json.loads(out)["status"]["userInfo"]
        self.assertEqual(info["username"], "someone")
        self.assertIn("team", info["groups"])
        code, out, err = kubectl("get", "azureidentities", "--as", "admin", user="dev")
        self.assertNotEqual(code, 0)
        self.assertIn('cannot impersonate resource "users"', err)

    def test_set_selector_with_spaces(self):
        # kubectl encodes the spaces of "app in (a,b)" as '+', which url.ParseQuery decodes.
        code, out, err = kubectl("get", "azureidentities", "-l", "app in (a,b)", "-o", "name")
        self.assertEqual(code, 0, err)
        self.assertIn("azureidentity.aadpodidentity.k8s.io/id1", out)

    def test_schema_types_and_strict_unknown_fields(self):
        # apiextensions-apiserver: structural schema validation (422) and pruning; kubectl sends
        # fieldValidation=Strict by default, so an unknown field is a 400 "strict decoding error".
        code, _, err = kubectl("create", "-f", "-", stdin=json.dumps(identity("bad-type", type="one")))
        self.assertNotEqual(code, 0)
        self.assertIn('spec.type: Invalid value: "string": spec.type in body must be of type integer', err)
        code, _, err = kubectl("create", "-f", "-", stdin=json.dumps(identity("unknown-field", bogus=1)))
        self.assertNotEqual(code, 0)
        self.assertIn('strict decoding error: unknown field "spec.bogus"', err)
        code, _, err = kubectl("create", "--validate=false", "-f", "-",
                               stdin=json.dumps(identity("pruned", bogus=1)))
        self.assertEqual(code, 0, err)
        code, out, _ = kubectl("get", "azureidentity", "pruned", "-o", "json")
        self.assertNotIn("bogus", json.loads(out)["spec"])

    def test_bad_label_is_422(self):
        bad = identity("bad-label")
        bad["metadata"]["labels"] = {"a b": "c"}
        code, _, err = kubectl("create", "-f", "-", stdin=json.dumps(bad))
        self.assertNotEqual(code, 0)
        self.assertIn('metadata.labels: Invalid value: "a b"', err)

    def test_server_side_apply_is_refused_not_faked(self):
        # Not simulated: answered as a server without server-side apply answers (415), never a fake success.
        code, _, err = kubectl("apply", "--server-side", "-f", "-", stdin=json.dumps(identity("ssa")))
        self.assertNotEqual(code, 0)
        self.assertIn("Server-side apply not available on the server", err)

    def test_table_printer_columns(self):
        # kubectl get asks for meta.k8s.io/v1 Table; the CRD's additionalPrinterColumns are the columns
        # (apiextensions-apiserver tableconvertor), the built-ins' printers theirs.
        code, out, err = kubectl("get", "azureidentities")
        self.assertEqual(code, 0, err)
        header = out.splitlines()[0].split()
        self.assertEqual(header, ["NAME", "TYPE", "CLIENTID", "AGE"])
        code, out, err = kubectl("get", "namespace", "team-a")
        self.assertEqual(code, 0, err)
        self.assertEqual(out.splitlines()[0].split(), ["NAME", "STATUS", "AGE"])
        self.assertIn("Active", out)

    def test_explain(self):
        # kubectl explain reads /openapi/v3 components.schemas, found by x-kubernetes-group-version-kind.
        code, out, err = kubectl("explain", "azureidentity.spec")
        self.assertEqual(code, 0, err)
        self.assertIn("clientID", out)
        self.assertIn("<integer>", out)

    def test_health_endpoints(self):
        # /livez, /readyz, /healthz as the API server's healthz package answers them.
        for path in ("/livez", "/readyz", "/healthz"):
            code, out, err = kubectl("get", "--raw", path)
            self.assertEqual((code, out), (0, "ok"), err)
        code, out, _ = kubectl("get", "--raw", "/readyz?verbose")
        self.assertIn("readyz check passed", out)


class PythonClientChecks(unittest.TestCase):
    """Debian python3-kubernetes."""

    @classmethod
    def setUpClass(cls):
        import kubernetes.client as kc
        cls.kc = kc
        cls.api = python_client()
        cls.custom = kc.CustomObjectsApi(cls.api)
        cls.core = kc.CoreV1Api(cls.api)
        cls.coordination = kc.CoordinationV1Api(cls.api)
        cls.events = kc.EventsV1Api(cls.api)

    def status(self, call, *args, **kwargs):
        try:
            call(*args, **kwargs)
            return 200, ""
        except self.kc.exceptions.ApiException as e:
            return e.status, e.body

    def test_watch_with_python_booleans(self):
        # The client sends watch=True and allowWatchBookmarks=True; apimachinery's
        # Convert_Slice_string_To_bool makes anything but "", "0" and "false" true.
        from kubernetes import watch
        w = watch.Watch()
        seen = []
        for event in w.stream(self.custom.list_namespaced_custom_object, "aadpodidentity.k8s.io", "v1", "team-a",
                              "azureidentities", allow_watch_bookmarks=True, timeout_seconds=1):
            seen.append((event["type"], event["object"]["metadata"].get("name")))
        self.assertIn(("ADDED", "id1"), seen)

    def test_set_selector_with_spaces(self):
        items = self.custom.list_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "team-a", "azureidentities",
                                                          label_selector="app in (a, b)")["items"]
        self.assertEqual([i["metadata"]["name"] for i in items], ["id1"])

    def test_put_rules(self):
        # Custom resources and Leases have AllowUnconditionalUpdate false (422 without resourceVersion);
        # a wrong uid is a 409 precondition failure; Lease's AllowCreateOnUpdate lets a PUT create.
        current = self.custom.get_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "team-a",
                                                           "azureidentities", "id1")
        body = json.loads(json.dumps(current))
        del body["metadata"]["resourceVersion"]
        code, text = self.status(self.custom.replace_namespaced_custom_object, "aadpodidentity.k8s.io", "v1",
                                 "team-a", "azureidentities", "id1", body)
        self.assertEqual(code, 422, text)
        self.assertIn("must be specified for an update", text)
        body = json.loads(json.dumps(current))
        body["metadata"]["uid"] = "00000000-0000-0000-0000-000000000000"
        code, text = self.status(self.custom.replace_namespaced_custom_object, "aadpodidentity.k8s.io", "v1",
                                 "team-a", "azureidentities", "id1", body)
        self.assertEqual(code, 409, text)
        self.assertIn("Precondition failed: UID in precondition", text)
        lease = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": {"name": "put-created"},
                 "spec": {"holderIdentity": "me", "leaseDurationSeconds": 15}}
        created = self.coordination.replace_namespaced_lease("put-created", "team-a", lease)
        self.assertEqual(created.spec.holder_identity, "me")

    def test_lease_validation(self):
        # MicroTime wants exactly six fractional digits; ValidateLeaseSpec wants leaseDurationSeconds > 0.
        for name, spec, want in (("micro", {"renewTime": "2024-01-01T00:00:00Z"}, 400),
                                 ("zero", {"leaseDurationSeconds": 0}, 422)):
            body = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": {"name": name},
                    "spec": spec}
            code, text = self.status(self.coordination.create_namespaced_lease, "team-a", body)
            self.assertEqual(code, want, text)

    def test_event_validation(self):
        # ValidateEventCreate for events.k8s.io/v1: eventTime, reportingController, reportingInstance,
        # action and reason are required.
        body = {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "incomplete"},
                "type": "Normal", "regarding": {"kind": "AzureIdentity", "name": "id1", "namespace": "team-a"}}
        code, text = self.status(self.events.create_namespaced_event, "team-a", body)
        self.assertEqual(code, 422, text)
        for field in ("eventTime", "reportingController", "reportingInstance", "action", "reason"):
            self.assertIn(field + ": Required value", text)

    def test_describe_and_events_show_events_k8s_io_events(self):
        # The agent posts events.k8s.io/v1 Events; kubectl describe lists core/v1 Events with
        # involvedObject field selectors, and `kubectl events --for` does too: one storage, two APIs.
        uid = self.custom.get_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "team-a", "azureidentities",
                                                       "id1")["metadata"]["uid"]
        body = {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "id1.synced"},
                "eventTime": "2024-05-01T12:00:00.000000Z", "reportingController": "example.com/azure-msi-operator",
                "reportingInstance": "agent-1", "action": "Update", "reason": "IdentitySynced", "type": "Normal",
                "note": "synced from Azure",
                "regarding": {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentity", "name": "id1",
                              "namespace": "team-a", "uid": uid}}
        self.events.create_namespaced_event("team-a", body)
        code, out, err = kubectl("describe", "azureidentity", "id1")
        self.assertEqual(code, 0, err)
        self.assertIn("IdentitySynced", out)
        self.assertIn("synced from Azure", out)
        code, out, err = kubectl("events", "--for", "azureidentity/id1")
        self.assertEqual(code, 0, err)
        self.assertIn("IdentitySynced", out)

    def test_configmap_keys(self):
        body = {"metadata": {"name": "bad-keys"}, "data": {"bad key": "x"}}
        code, text = self.status(self.core.create_namespaced_config_map, "team-a", body)
        self.assertEqual(code, 422, text)
        self.assertIn("a valid config key must consist of alphanumeric characters", text)

    def test_delete_answers_status(self):
        self.core.create_namespaced_config_map("team-a", {"metadata": {"name": "to-delete"}})
        status = self.core.delete_namespaced_config_map("to-delete", "team-a")
        self.assertEqual(status.status, "Success")

    def test_exact_resource_version_and_future_version(self):
        # resourceVersionMatch=Exact serves that revision; a future one is a 504 "Too large resource version".
        before = self.custom.list_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "team-a",
                                                           "azureidentities")
        rv = before["metadata"]["resourceVersion"]
        self.custom.create_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "team-a", "azureidentities",
                                                    identity("after-snapshot"))
        then = self.custom.list_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "team-a", "azureidentities",
                                                         resource_version=rv, resource_version_match="Exact")
        self.assertEqual(sorted(i["metadata"]["name"] for i in then["items"]),
                         sorted(i["metadata"]["name"] for i in before["items"]))
        code, text = self.status(self.custom.list_namespaced_custom_object, "aadpodidentity.k8s.io", "v1",
                                 "team-a", "azureidentities", resource_version=str(int(rv) + 1000))
        self.assertEqual(code, 504, text)
        self.assertIn("Too large resource version", text)

    def test_finalizers_and_terminating_namespace(self):
        # Graceful deletion: deletionTimestamp until the finalizers go; NamespaceLifecycle admission
        # refuses creates into a terminating namespace with a 403 NamespaceTerminating cause.
        self.core.create_namespace({"metadata": {"name": "doomed"}})
        held = identity("held")
        held["metadata"].update({"namespace": "doomed", "finalizers": ["example.com/hold"]})
        self.custom.create_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "doomed", "azureidentities", held)
        self.core.delete_namespace("doomed")
        ns = self.core.read_namespace("doomed")
        self.assertEqual(ns.status.phase, "Terminating")
        obj = self.custom.get_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "doomed", "azureidentities",
                                                       "held")
        self.assertIn("deletionTimestamp", obj["metadata"])
        code, text = self.status(self.core.create_namespaced_config_map, "doomed", {"metadata": {"name": "late"}})
        self.assertEqual(code, 403, text)
        self.assertIn("NamespaceTerminating", text)
        self.custom.patch_namespaced_custom_object("aadpodidentity.k8s.io", "v1", "doomed", "azureidentities", "held",
                                                   {"metadata": {"finalizers": None}})
        code, _ = self.status(self.core.read_namespace, "doomed")
        self.assertEqual(code, 404)


class ClientNodeChecks(unittest.TestCase):
    """@kubernetes/client-node 1.x on Node 20."""

    def test_client_node(self):
        node = shutil.which("node")
        npm = shutil.which("npm")
        if not node or not npm:
            self.fail("fidelity: node and npm are required (Node 20; install nodejs and npm)")
        version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
        major = int(version.lstrip("v").split(".")[0] or 0)
        self.assertGreaterEqual(major, 20, "fidelity: Node 20 or later wanted, found %s at %s" % (version, node))
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "client-node")
        work = ARGS.node_dir
        os.makedirs(work, exist_ok=True)
        for f in ("package.json", "package-lock.json", "checks.mjs"):
            shutil.copy(os.path.join(here, f), work)
        if not os.path.isdir(os.path.join(work, "node_modules", "@kubernetes", "client-node")):
            r = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=work, capture_output=True, text=True,
                               timeout=600)
            self.assertEqual(r.returncode, 0, "npm ci failed:\n" + r.stdout + r.stderr)
        env = dict(os.environ, NODE_EXTRA_CA_CERTS=SANDBOX.ca)
        # The JavaScript client authenticates with the admin token from a kubeconfig of its own.
        r = subprocess.run([node, "checks.mjs", SANDBOX.kubeconfig], cwd=work, capture_output=True, text=True,
                           env=env, timeout=120)
        results = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
        self.assertTrue(results, "no results from client-node:\n" + r.stdout + r.stderr)
        failed = [x for x in results if not x["ok"]]
        self.assertEqual(failed, [], r.stderr)
        self.assertEqual(len(results), 6, r.stdout)


def main():
    global ARGS, SANDBOX
    parser = argparse.ArgumentParser()
    parser.add_argument("--sandbox", required=True)
    parser.add_argument("--work", default=None)
    parser.add_argument("--node-dir", default=None)
    ARGS, rest = parser.parse_known_args()
    ARGS.kubectl = find_kubectl()
    work = ARGS.work or tempfile.mkdtemp(prefix="amo-fidelity-")
    os.makedirs(work, exist_ok=True)
    ARGS.node_dir = ARGS.node_dir or os.path.join(work, "client-node")
    SANDBOX = Sandbox(ARGS.sandbox, tempfile.mkdtemp(dir=work))
    try:
        program = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2)
    finally:
        SANDBOX.stop()
    sys.exit(0 if program.result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
