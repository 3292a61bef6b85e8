"""Progress of a long command: a bar on a terminal, a ``k/N articles`` line every few seconds in a log."""
from __future__ import annotations

import sys
import time
from typing import TextIO

import click
from tqdm import tqdm

LOG_EVERY_S = 5.0


class Progress:
    """Counts items done out of a total; ``note`` prints a line without breaking the bar."""

    def __init__(self, unit: str = "articles", stream: TextIO | None = None, interactive: bool | None = None) -> None:
        self.unit = unit
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.done = 0
        self.total = 0
        self.bar: tqdm | None = None
        self.started = self.last_line = time.monotonic()

    def start(self, total: int) -> None:
        self.total = total
        self.started = self.last_line = time.monotonic()
        if self.interactive:
            self.bar = tqdm(total=total, unit=" " + self.unit, file=self.stream, dynamic_ncols=True,
                            bar_format="{n_fmt}/{total_fmt} {unit} |{bar}| {rate_fmt} ETA {remaining}")

    def note(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            click.echo(line, file=self.stream)  # colours only on a terminal

    def advance(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.monotonic()
        if now - self.last_line >= LOG_EVERY_S and self.done < self.total:
            self.last_line = now
            rate = self.done / max(now - self.started, 1e-9)
            eta = (self.total - self.done) / rate if rate else 0.0
            self.note(f"{self.done}/{self.total} {self.unit} ({rate:.2f}/s, about {eta:.0f} s left)")

    def close(self) -> str:
        """Stop the bar; the closing ``k/N articles in S s`` figure for the summary."""
        if self.bar is not None:
            self.bar.close()
        return f"{self.done}/{self.total} {self.unit} in {time.monotonic() - self.started:.1f} s"
