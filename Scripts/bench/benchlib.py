"""Shared plumbing of the benchmark scripts: the Python environment with the other tools,
building PartnerNet's benchmark programs, running them, and writing the results."""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.path.join(ROOT, ".venv-bench")
PY = os.path.join(VENV, "bin", "python")


def ensure_python(packages, modules):
    """Creates .venv-bench and installs `packages` from PyPI unless `modules` import already."""
    if not os.path.exists(PY):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    probe = "import " + ", ".join(modules)
    if subprocess.run([PY, "-c", probe], capture_output=True).returncode != 0:
        subprocess.run([PY, "-m", "pip", "install", "-q", *packages], check=True)


def version(module):
    return subprocess.run([PY, "-c", f"import {module}; print({module}.__version__)"],
                          check=True, capture_output=True, text=True).stdout.strip()


def build_benchmarks(scratch):
    """Builds Benchmarks/ in release mode into `scratch`; returns the partnernet-bench path."""
    # A path dependency's list of files is cached with the build manifest: rebuild it.
    subprocess.run(["swift", "build", "-c", "release", "--package-path", os.path.join(ROOT, "Benchmarks"),
                    "--scratch-path", scratch, "--disable-build-manifest-caching"],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(scratch, "release", "partnernet-bench")


def json_lines(command):
    """Runs `command` and returns the JSON objects it printed, one a line."""
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.strip().splitlines() if line.startswith("{")]


def publish(lines, path):
    """Prints the Markdown `lines` and writes them to `path` when one is given."""
    text = "\n".join(lines) + "\n"
    print(text)
    if path:
        with open(path, "w") as f:
            f.write(text)
