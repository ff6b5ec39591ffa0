"""One side of `extract_speed.py --against REV`: times passes of extract_items over a pickled corpus.

    python benchmarks/_speed_worker.py CORPUS.pickle   (with PYTHONPATH set to the code tree to time)

Reads one line per pass from stdin and answers each with the CPU seconds of that pass; the first line it
writes is the path of the `monitor` package it imported, so the parent can check it timed the right tree.
Run as a long-lived process so that both trees are timed in alternating passes, under the same load.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path


def main() -> int:
    import monitor

    try:
        from monitor.extract.items import extract_items
    except ImportError:  # trees before the layout of issue 12 kept it in one module
        from monitor.extract.items.events import extract_items  # type: ignore[no-redef,import-not-found]

    corpus = pickle.loads(Path(sys.argv[1]).read_bytes())
    for _name, text, published in corpus:  # a warm pass: lexicons loaded, caches filled
        extract_items(text, published)
    print(monitor.__file__, flush=True)
    for _line in sys.stdin:
        start = time.process_time()
        for _name, text, published in corpus:
            extract_items(text, published)
        print(time.process_time() - start, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
