"""Build hook for the perfbudget wheel: bundles libperfbudget.so.1 when asked.

All metadata is in pyproject.toml. When the environment variable
PERFBUDGET_BUNDLE_LIBRARY names a built libperfbudget.so.1, the file is copied
into the package as perfbudget/_native/libperfbudget.so.1 (found first by
perfbudget._lib) and the wheel is tagged for this platform; otherwise the
wheel is pure Python and loads the library from the system.
"""

import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

BUNDLE = os.environ.get("PERFBUDGET_BUNDLE_LIBRARY", "")


class BuildPyWithLibrary(build_py):
    def run(self):
        super().run()
        if BUNDLE:
            if not os.path.isfile(BUNDLE):
                raise SystemExit(f"PERFBUDGET_BUNDLE_LIBRARY={BUNDLE}: no such file")
            native = os.path.join(self.build_lib, "perfbudget", "_native")
            os.makedirs(native, exist_ok=True)
            shutil.copy2(BUNDLE, os.path.join(native, "libperfbudget.so.1"))


class PlatformDistribution(Distribution):
    def has_ext_modules(self):  # a bundled native library makes the wheel platform-specific
        return bool(BUNDLE)


setup(cmdclass={"build_py": BuildPyWithLibrary}, distclass=PlatformDistribution)
