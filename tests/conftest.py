"""Make the helpers beside the tests importable (tests/expectations.py), and keep bskg's cache for this run apart.

The tests, and the ``bskg`` processes they start, cache derived data
(kg.cache) in a folder of their own, removed when the run ends: a run
neither writes to the user's cache nor reads what an older checkout left.
"""
import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

os.environ["BSKG_CACHE"] = tempfile.mkdtemp(prefix="bskg-test-cache-")
atexit.register(shutil.rmtree, os.environ["BSKG_CACHE"], True)
