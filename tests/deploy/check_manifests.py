#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Offline schema check of rendered Kubernetes manifests.

Reads multi-document YAML (the output of `kubectl kustomize`) and checks every object against the
Kubernetes API types of the official Python client (Debian's python3-kubernetes): every field must be
known to its type, every value of the right type, every required field present. Kinds the client
does not know (custom resources) are checked against the small schemas below.

    kubectl kustomize installer/kubernetes/overlays/ha | tests/deploy/check_manifests.py
Exit status 0 when every object passes; 1 with one line per problem otherwise.
"""
import re
import sys

import yaml
from kubernetes import client

CONFIG = client.Configuration()
CONFIG.client_side_validation = True

# Custom resources: field -> type, with the same notation as the client's openapi_types.
CUSTOM = {
    ("monitoring.coreos.com/v1", "ServiceMonitor"): {
        "apiVersion": "str", "kind": "str", "metadata": "V1ObjectMeta", "spec": {
            "selector": "V1LabelSelector", "namespaceSelector": {"matchNames": "list[str]", "any": "bool"},
            "jobLabel": "str", "endpoints": [{
                "port": "str", "targetPort": "object", "path": "str", "scheme": "str", "interval": "str",
                "scrapeTimeout": "str", "honorLabels": "bool",
            }],
        },
    },
}
REQUIRED_CUSTOM = {("monitoring.coreos.com/v1", "ServiceMonitor"): ["spec.selector", "spec.endpoints"]}
PRIMITIVES = {"str": str, "bool": bool, "float": (int, float), "object": object, "datetime": str, "date": str}


def model_class(api_version, kind):
    version = api_version.split("/")[-1]
    return getattr(client, version[0].upper() + version[1:] + kind, None)


def required_fields(cls):
    """Fields whose setter refuses None when client-side validation is on."""
    required = []
    for attr in cls.openapi_types:
        probe = cls.__new__(cls)
        probe.local_vars_configuration = CONFIG
        try:
            setattr(probe, attr, None)
        except ValueError:
            required.append(attr)
    return required


def check(value, type_spec, where, problems):
    if isinstance(type_spec, dict):  # a custom schema
        if not isinstance(value, dict):
            problems.append(f"{where}: expected an object")
            return
        for key, item in value.items():
            if key not in type_spec:
                problems.append(f"{where}.{key}: unknown field")
            else:
                check(item, type_spec[key], f"{where}.{key}", problems)
        return
    if isinstance(type_spec, list):
        if not isinstance(value, list):
            problems.append(f"{where}: expected a list")
            return
        for i, item in enumerate(value):
            check(item, type_spec[0], f"{where}[{i}]", problems)
        return
    if type_spec == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{where}: expected an integer, got {value!r}")
        return
    if type_spec in PRIMITIVES:
        if type_spec == "bool" and not isinstance(value, bool):
            problems.append(f"{where}: expected a boolean, got {value!r}")
        elif not isinstance(value, PRIMITIVES[type_spec]):
            problems.append(f"{where}: expected {type_spec}, got {value!r}")
        return
    m = re.fullmatch(r"list\[(.+)\]", type_spec)
    if m:
        check(value, [m.group(1)], where, problems)
        return
    m = re.fullmatch(r"dict\(str, (.+)\)", type_spec)
    if m:
        if not isinstance(value, dict):
            problems.append(f"{where}: expected a map")
        else:
            for key, item in value.items():
                check(item, m.group(1), f"{where}.{key}", problems)
        return
    cls = getattr(client, type_spec, None)
    if cls is None:
        problems.append(f"{where}: no schema for type {type_spec}")
        return
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a {type_spec} object")
        return
    by_json = {json: attr for attr, json in cls.attribute_map.items()}
    for key, item in value.items():
        if key not in by_json:
            problems.append(f"{where}.{key}: unknown field of {type_spec}")
        else:
            check(item, cls.openapi_types[by_json[key]], f"{where}.{key}", problems)
    for attr in required_fields(cls):
        if cls.attribute_map[attr] not in value:
            problems.append(f"{where}.{cls.attribute_map[attr]}: required by {type_spec}")


def main():
    problems = []
    count = 0
    for document in yaml.safe_load_all(sys.stdin):
        if document is None:
            continue
        count += 1
        key = (document.get("apiVersion", ""), document.get("kind", ""))
        name = f"{key[1]}/{document.get('metadata', {}).get('name', '?')}"
        if key in CUSTOM:
            check(document, CUSTOM[key], name, problems)
            for dotted in REQUIRED_CUSTOM.get(key, []):
                node = document
                for part in dotted.split("."):
                    node = node.get(part) if isinstance(node, dict) else None
                if node is None:
                    problems.append(f"{name}.{dotted}: required")
            continue
        cls = model_class(*key)
        if cls is None:
            problems.append(f"{name}: unknown apiVersion/kind {key[0]} {key[1]}")
            continue
        check(document, cls.__name__, name, problems)
    for problem in problems:
        print(problem)
    if count == 0:
        print("no objects on standard input")
        return 1
    print(f"{count} objects checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
