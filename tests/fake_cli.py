"""Run the real ``provenance`` command line in a subprocess, with the fake extractor.

``python tests/fake_cli.py --db X ingest ...`` is ``provenance --db X ingest ...`` except
that articles are read by ``fakes.fake_extract`` (fast and predictable), so tests that
need real processes (kill -9, memory) run in seconds. Worker processes are forked and
inherit the swap. With ``RSS_REPORT=path`` set, the peak resident memory of this process
and of its (waited-for) workers is written there as JSON at exit, in MiB.
"""

import atexit
import faulthandler
import json
import os
import resource
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fakes import fake_extract  # noqa: E402

import provenance.ingest  # noqa: E402

provenance.ingest.extract = fake_extract


def _report_rss() -> None:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(os.environ["RSS_REPORT"], "w") as fh:
        json.dump({"self_mib": own, "workers_mib": workers}, fh)


if os.environ.get("RSS_REPORT"):
    atexit.register(_report_rss)

# a test that finds this process hung sends SIGUSR1 for every thread's stack on stderr
faulthandler.register(signal.SIGUSR1, all_threads=True)

if __name__ == "__main__":
    from cli.main import main

    main()
