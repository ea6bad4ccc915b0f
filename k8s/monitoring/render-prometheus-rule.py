#!/usr/bin/env python3
"""Writes k8s/monitoring/prometheusrule.yaml from monitoring/alerts.yml, the one source
of the alert rules (ManifestEnvironmentTests fails when the two differ):

    python3 k8s/monitoring/render-prometheus-rule.py
"""
from pathlib import Path

import yaml

root = Path(__file__).resolve().parents[2]
groups = yaml.safe_load((root / "monitoring/alerts.yml").read_text(encoding="utf-8"))["groups"]
rule = {
    "apiVersion": "monitoring.coreos.com/v1",
    "kind": "PrometheusRule",
    "metadata": {"name": "order-backend", "labels": {"app.kubernetes.io/name": "order-backend"}},
    "spec": {"groups": groups},
}


class Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):  # lists indented under their key (yamllint)
        return super().increase_indent(flow, False)


def text(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, text)
header = ("---\n# GENERATED from monitoring/alerts.yml by k8s/monitoring/render-prometheus-rule.py:\n"
          "# edit the rules there, then run the script. For the Prometheus Operator.\n")
body = yaml.dump(rule, Dumper=Dumper, sort_keys=False, width=110, allow_unicode=True)
(root / "k8s/monitoring/prometheusrule.yaml").write_text(header + body, encoding="utf-8")
print(f"k8s/monitoring/prometheusrule.yaml: {sum(len(g['rules']) for g in groups)} rules")
