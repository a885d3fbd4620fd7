"""Shared helpers of the robustness tests: how to run bskg, and the hypothesis settings CI uses.

Hypothesis runs derandomized (a fixed seed derived from each test), with no
example database and no deadline, so CI sees the same examples every run and
a slow machine does not turn into a flaky failure. The example counts of the
property tests add up to well over 2,000 (see ``EXAMPLES``).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
RELEASE = FIXTURES / "funding_ceiling_eur.txt"

# BSKG_HYPOTHESIS_SCALE=10 multiplies every example count (a longer local soak).
SCALE = float(os.environ.get("BSKG_HYPOTHESIS_SCALE", "1"))

CI = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def examples(count: int) -> settings:
    """The CI settings with ``count`` examples (times BSKG_HYPOTHESIS_SCALE)."""
    return settings(CI, max_examples=max(1, int(count * SCALE)))


def bskg(*args: str, cwd: Path | None = None, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    """Run the bskg command as a user does: a new Python process, text output."""
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, **kwargs)
