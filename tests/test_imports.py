"""Every module of policykg imports first, on its own: an import loop hidden by the order in which the suite or
the CLI happens to import modules breaks a user's script that imports the one module it needs."""
from __future__ import annotations

import subprocess
import sys

PACKAGES = ["policykg", "policykg.loaders", "policykg.loaders.extract", "policykg.loaders.extract.statements",
            "policykg.ontology", "policykg.graph", "policykg.queries"]
"""setup.cfg's package_dir: the packages live in folders of their own, so a walk from policykg does not reach them."""

SCRIPT = """
import importlib, pkgutil, sys
names = set()
for package in PACKAGES:
    folders = importlib.import_module(package).__path__
    names |= {package} | {m.name for m in pkgutil.iter_modules(folders, package + ".")}
names = sorted(names)
print(len(names), file=sys.stderr)
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m.startswith("policykg.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {type(error).__name__}: {error}")
print("\\n".join(failed))
"""


def test_every_module_imports_first_on_its_own():
    run = subprocess.run([sys.executable, "-c", f"PACKAGES = {PACKAGES!r}" + SCRIPT], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    assert int(run.stderr.split()[-1]) > 80  # every module of the seven packages was tried
    assert run.stdout.strip() == ""
