#!/usr/bin/env python3
"""Writes every `run:` step of .github/workflows/*.yml to OUT_DIR as a bash
script, so shellcheck can check them (GitHub runs them with bash -e).
${{ … }} expressions become a plain word, as GitHub substitutes them first.

    workflow_scripts.py OUT_DIR WORKFLOW.yml...
"""
import re
import sys
from pathlib import Path

import yaml

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
count = 0
for workflow in map(Path, sys.argv[2:]):
    document = yaml.safe_load(workflow.read_text())
    for job_name, job in (document.get("jobs") or {}).items():
        for index, step in enumerate(job.get("steps") or []):
            if "run" not in step:
                continue
            script = re.sub(r"\$\{\{.*?\}\}", "GHA_EXPRESSION", step["run"])
            target = out / f"{workflow.stem}.{job_name}.{index}.sh"
            target.write_text("#!/usr/bin/env bash\nset -e\n# " + step.get("name", "run") + "\n" + script)
            count += 1
print(f"{count} run steps extracted")
