#!/usr/bin/env python3
"""Offline sanity check of terraform/ (no provider download is possible here,
so `terraform validate` cannot run).

    terraform_sanity.py DIR [PARSED_JSON]

PARSED_JSON, when given, is {file: parsed HCL} from .ci/hcl2json.js (a real
HCL parser); without it the checks fall back to the source text.
Checks: brackets balance outside strings and comments; every var.X, local.X,
resource and data reference is declared; every declared variable is used;
secret-looking variables are sensitive and have no default; the RDS backup
settings the operations guide promises are present.
Prints one line per problem and exits 1 if there is any.
"""
import json
import re
import sys
from pathlib import Path

SECRET_NAME = re.compile(r"(password|secret|token|_key$|^key$)")
problems = []


def strip_strings_and_comments(text):
    """Blanks out comments and quoted strings (keeping ${...} interpolations)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "#" or text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif text.startswith("<<", i) and re.match(r"<<-?([A-Z]+)\n", text[i:]):
            marker = re.match(r"<<-?([A-Z]+)\n", text[i:]).group(1)
            end = re.search(r"^\s*" + marker + r"\s*$", text[i:], re.M)
            i = n if end is None else i + end.end()
        elif c == '"':
            i += 1
            depth = 0
            while i < n:
                if text[i] == "\\":
                    i += 2
                    continue
                if text.startswith("${", i):
                    depth += 1
                    out.append(" ")  # interpolations are code: keep their refs
                    i += 2
                    continue
                if depth and text[i] == "}":
                    depth -= 1
                elif depth:
                    out.append(text[i])
                elif text[i] == '"':
                    break
                i += 1
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_brackets(name, code):
    pairs = {"}": "{", "]": "[", ")": "("}
    stack = []
    line = 1
    for ch in code:
        if ch == "\n":
            line += 1
        elif ch in "{[(":
            stack.append((ch, line))
        elif ch in pairs:
            if not stack or stack[-1][0] != pairs[ch]:
                problems.append(f"{name}:{line}: unbalanced '{ch}'")
                return
            stack.pop()
    for ch, opened in stack:
        problems.append(f"{name}:{opened}: '{ch}' is never closed")


def main():
    directory = Path(sys.argv[1])
    parsed = json.loads(Path(sys.argv[2]).read_text()) if len(sys.argv) > 2 else None
    files = sorted(directory.glob("*.tf"))
    if not files:
        problems.append(f"no .tf files in {directory}")

    code = {}
    for path in files:
        code[path.name] = strip_strings_and_comments(path.read_text())
        check_brackets(path.name, code[path.name])
    all_code = "\n".join(code.values())
    raw = "\n".join(p.read_text() for p in files)

    variables, locals_, resources, data = {}, set(), set(), set()
    if parsed:
        for doc in parsed.values():
            for name, blocks in doc.get("variable", {}).items():
                variables[name] = blocks[0]
            for block in doc.get("locals", []):
                locals_.update(block.keys())
            for rtype, named in doc.get("resource", {}).items():
                resources.update(f"{rtype}.{n}" for n in named)
            for dtype, named in doc.get("data", {}).items():
                data.update(f"{dtype}.{n}" for n in named)
    else:
        for m in re.finditer(r'^variable\s+"(\w+)"\s*\{(.*?)^\}', raw, re.M | re.S):
            body = m.group(2)
            block = {"sensitive": bool(re.search(r"^\s*sensitive\s*=\s*true", body, re.M))}
            default = re.search(r"^\s*default\s*=\s*(.+)$", body, re.M)
            if default:
                text = default.group(1).strip()
                block["default"] = {"null": None, "{}": {}, "[]": []}.get(text, text)
            variables[m.group(1)] = block
        for m in re.finditer(r"^locals\s*\{(.*?)^\}", raw, re.M | re.S):
            locals_.update(re.findall(r"^  (\w+)\s*=", m.group(1), re.M))
        resources.update(f"{a}.{b}" for a, b in re.findall(r'^resource\s+"(\w+)"\s+"(\w+)"', raw, re.M))
        data.update(f"{a}.{b}" for a, b in re.findall(r'^data\s+"(\w+)"\s+"(\w+)"', raw, re.M))

    used_vars = set(re.findall(r"\bvar\.(\w+)", all_code))
    for name in sorted(used_vars - variables.keys()):
        problems.append(f"var.{name} is used but not declared in variables.tf")
    for name in sorted(variables.keys() - used_vars):
        problems.append(f"variable '{name}' is declared but never used")
    for name in sorted(set(re.findall(r"\blocal\.(\w+)", all_code)) - locals_):
        problems.append(f"local.{name} is used but not declared")
    for ref in sorted(set(re.findall(r"(?<![\w.])data\.(\w+\.\w+)", all_code)) - data):
        problems.append(f"data.{ref} is used but not declared")
    for ref in sorted(set(re.findall(r"(?<![\w.\-/])(aws_\w+\.\w+)\b", all_code))):
        if ref not in resources and not ref.startswith(tuple(d.split(".")[0] + "." for d in data)):
            problems.append(f"{ref} is used but no such resource is declared")

    for name, block in sorted(variables.items()):
        if SECRET_NAME.search(name) and not name.endswith("_arn"):
            if not block.get("sensitive"):
                problems.append(f"variable '{name}' looks secret but is not sensitive = true")
            if block.get("default") not in (None, {}, []):
                problems.append(f"variable '{name}' looks secret but has a default value")

    for needle, why in [
        (r'engine_version\s*=\s*"15', "RDS runs PostgreSQL 15"),
        (r"backup_retention_period\s*=\s*var\.db_backup_retention_days", "RDS backup retention is the variable"),
        (r"backup_window\s*=", "RDS has a backup window"),
        (r"maintenance_window\s*=", "RDS has a maintenance window"),
        (r'path\s*=\s*"/health/readiness"', "the ALB health check uses the readiness path"),
    ]:
        if not re.search(needle, raw):
            problems.append(f"missing: {why}")
    if str(variables.get("db_backup_retention_days", {}).get("default")) != "7":
        problems.append("db_backup_retention_days should default to 7")

    for line in problems:
        print(f"terraform: {line}")
    mode = "parsed HCL" if parsed else "source text"
    print(f"terraform: {len(files)} files, {len(variables)} variables, {len(resources)} resources "
          f"checked from {mode}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
