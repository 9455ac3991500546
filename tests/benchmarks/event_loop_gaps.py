"""How long the event loop was blocked: a 10 ms timer whose largest gap between ticks is the longest block (plus
10 ms). Shared by bench_add_latency.py and the window test that asserts the add dialog keeps the window responsive.
"""

from __future__ import annotations

import time


class EventLoopGaps:
    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000)
        self.last = now

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        """`max_ms` and `p99_ms` of the gaps between ticks, and how many ticks there were."""
        self.timer.stop()
        gaps = sorted(self.gaps)
        return {"ticks": len(gaps), "max_ms": round(gaps[-1], 1) if gaps else 0.0,
                "p99_ms": round(gaps[int(len(gaps) * 0.99)], 1) if gaps else 0.0}
