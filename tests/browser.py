"""A real browser for the tests: headless Chromium driven over the DevTools protocol.

No test dependency: Chromium speaks the protocol on two pipes (`--remote-debugging-pipe`: it reads
JSON messages from fd 3 and writes them on fd 4, each ended by a NUL byte), so the standard library
is enough. Each page opens in a fresh tab; what the page logs, throws, asks the network for or
tries to pop up is recorded for the test to check.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class PageLoad:
    """What happened while one page loaded."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []


class Browser:
    def __init__(self, binary: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="iae-chromium-")
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        # The child sees our pipe ends as its fd 3 (commands in) and fd 4 (answers out); the
        # remapping runs in the child, so descriptors are not closed behind it (close_fds=False).
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=lambda: _remap(to_browser_read, from_browser_write),
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.writer = os.fdopen(to_browser_write, "wb", buffering=0)
        self.reader = os.fdopen(from_browser_read, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    # ------------------------------------------------------------ protocol
    def _read_message(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            chunk = self.reader.read(1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.writer.write(json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read_message()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait_for(self, method: str, session: str) -> None:
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    del self.events[index]
                    return
            self.events.append(self._read_message())

    # ------------------------------------------------------------ pages
    def open(self, path: Path, width: int = 1200, height: int = 900) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session,
        )
        url = path.resolve().as_uri()
        self.events.clear()
        self.send("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)
        tab = Tab(self, target, session, PageLoad(url))
        tab.collect()
        return tab

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.writer.close()
        self.reader.close()
        shutil.rmtree(self.profile, ignore_errors=True)


def _remap(commands: int, answers: int) -> None:
    """In the child, before exec: the protocol pipes on fds 3 and 4, as Chromium expects.
    Both are copied first, so that moving one onto 3 or 4 never closes the other."""
    commands, answers = os.dup(commands), os.dup(answers)
    os.dup2(commands, 3)
    os.dup2(answers, 4)


class Tab:
    def __init__(self, browser: Browser, target: str, session: str, load: PageLoad) -> None:
        self.browser, self.target, self.session, self.load = browser, target, session, load

    def collect(self) -> None:
        """Sort the events seen so far into errors, requests and dialogs."""
        kept = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                kept.append(event)
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                self.load.errors.append(json.dumps(params.get("args")))
            elif method == "Runtime.exceptionThrown":
                self.load.errors.append(json.dumps(params.get("exceptionDetails")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                self.load.errors.append(params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                self.load.requests.append(params["request"]["url"])
            elif method == "Page.javascriptDialogOpening":
                self.load.dialogs.append(params.get("message", ""))
        self.browser.events = kept

    def evaluate(self, expression: str) -> Any:
        answer = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"evaluation failed: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def screenshot(self, width: int = 1200, height: int = 900, scale: float = 0.3) -> bytes:
        """The top of the page, scaled down (decoding a PNG in pure Python is slow)."""
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}
        data = self.browser.send("Page.captureScreenshot", {"format": "png", "clip": clip}, self.session)["data"]
        return base64.b64decode(data)

    def print_media(self, width: int) -> None:
        """Lay the page out as printed, at the width of the printable area."""
        self.browser.send("Emulation.setEmulatedMedia", {"media": "print"}, self.session)
        self.resize(width, 1000)

    def resize(self, width: int, height: int = 900) -> None:
        """Lay the page out again in a window of this size."""
        self.browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            self.session,
        )

    def pdf(self) -> bytes:
        data = self.browser.send("Page.printToPDF", {"preferCSSPageSize": True}, self.session)["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        self.collect()
        self.browser.send("Target.closeTarget", {"targetId": self.target})


def png_colours(png: bytes, step: int = 7) -> set[tuple[int, ...]]:
    """The distinct pixel colours of an 8-bit, non-interlaced PNG (every `step`-th pixel)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat = 8, b""
    width = height = channels = 0
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        body = png[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    colours: set[tuple[int, ...]] = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 255
        previous = line
        if y % step == 0:
            colours.update(tuple(line[x : x + 3]) for x in range(0, stride, channels * step))
    return colours
